// Renders the web app's PNG icons (PWA manifest, Apple touch icon) from the Atrium mark with the
// Chromium the browser journeys use: `node scripts/make-icons.mjs`. The PNGs are committed; run this
// again only when the mark changes.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = path.join(root, "web/public/icons");
const petrol = "#0f4c5c";

/** The mark on a 32-unit grid, as in favicon.svg. */
const mark = `<path d="M8 24 16 7l8 17h-3.6L16 14.2 11.6 24Z" fill="#fff"/>
  <rect x="13" y="19" width="6" height="2.4" rx="1" fill="#9fd8d3"/>`;

/** "any": the rounded tile with its corners transparent. */
const rounded = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">
  <rect width="32" height="32" rx="7" fill="${petrol}"/>${mark}</svg>`;

/** Full-bleed square: the platform cuts its own shape (iOS corners). */
const square = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">
  <rect width="32" height="32" fill="${petrol}"/>${mark}</svg>`;

/** "maskable": full bleed, the mark shrunk into the central safe zone (a circle of 40% radius). */
const maskable = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">
  <rect width="32" height="32" fill="${petrol}"/>
  <g transform="translate(16 16) scale(0.66) translate(-16 -15.5)">${mark}</g></svg>`;

const icons = [
  ["icon-192.png", rounded, 192],
  ["icon-512.png", rounded, 512],
  ["icon-maskable-192.png", maskable, 192],
  ["icon-maskable-512.png", maskable, 512],
  ["apple-touch-icon.png", square, 180],
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});
try {
  const page = await browser.newPage();
  for (const [name, svg, size] of icons) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<html><body style="margin:0;background:transparent">${svg.replace("<svg ", `<svg width="${size}" height="${size}" `)}</body></html>`,
    );
    writeFileSync(path.join(out, name), await page.screenshot({ omitBackground: true, type: "png" }));
    console.log(`${name} ${size}×${size}`);
  }
} finally {
  await browser.close();
}
