import type { App, AppDeps } from "../../deps.js";
import { AppError } from "../../platform/errors.js";
import { MetricsExposition } from "../../platform/metrics/exposition.js";
import { httpMetricsOf } from "../../platform/metrics/http-metrics.js";
import { decideMetricsAccess } from "../../platform/metrics/metrics-access.js";

/**
 * GET /metrics in Prometheus's text format: requests and latencies by route template, queue depth,
 * mail states, the process's own figures and the build. With METRICS_TOKEN set, only a request with
 * `Authorization: Bearer <token>` reads it; without, only a client on this machine (others get 404).
 */
export async function metricsRoutes(app: App, deps: AppDeps): Promise<void> {
  const exposition = new MetricsExposition({
    role: deps.config.role,
    database: deps.database,
    http: httpMetricsOf(app),
  });
  app.get(
    "/metrics",
    {
      schema: {
        tags: ["operations"],
        summary: "Prometheus metrics (text exposition format)",
        description:
          "Needs `Authorization: Bearer <METRICS_TOKEN>` when METRICS_TOKEN is set; otherwise answers only clients on the server's own machine (404 for others).",
      },
    },
    async (request, reply) => {
      const access = decideMetricsAccess(deps.config.metricsToken, {
        headers: request.headers,
        socketAddress: request.socket.remoteAddress,
      });
      if (access === "unauthorized") throw new AppError("unauthorized");
      if (access === "hidden") throw new AppError("not_found");
      const text = await exposition.render();
      return reply
        .header("content-type", exposition.contentType)
        .header("cache-control", "no-store")
        .send(text);
    },
  );
}
