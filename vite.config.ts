import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/** One SPA for staff (/app), clients (/portal) and first-run setup (/setup), served by the Atrium server. */
export default defineConfig({
  root: "web",
  base: "/",
  plugins: [react(), tailwindcss()],
  server: {
    // In development the API runs separately; the proxy keeps cookies same-origin as in production.
    proxy: { "/api": { target: "http://127.0.0.1:3000", changeOrigin: false } },
  },
  build: {
    outDir: "../dist/web",
    emptyOutDir: true,
    // The strict CSP forbids inline scripts; keep every asset a file, even tiny ones.
    assetsInlineLimit: 0,
    rolldownOptions: {
      output: {
        // Libraries change less often than our code: separate chunks stay cached across releases.
        codeSplitting: {
          groups: [
            { name: "react", test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: "vendor", test: /[\\/]node_modules[\\/]/ },
          ],
        },
      },
    },
  },
});
