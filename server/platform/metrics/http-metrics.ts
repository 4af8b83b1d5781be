import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from "fastify";
import type { MetricSource, MetricValue } from "./metric-source.js";

/** Latency buckets in seconds: most API answers take milliseconds; uploads and exports take seconds. */
export const latencyBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;

/** The route label of a request no route matched: one label, so scanners cannot grow the series. */
export const UNMATCHED_ROUTE = "unmatched";

/** The counts of one (method, route, status): a histogram whose count is also the request total. */
class Series {
  count = 0;
  sum = 0;
  /** Observations per bucket (not cumulative: summed when exposed); the last slot is +Inf. */
  readonly buckets = new Float64Array(latencyBuckets.length + 1);

  constructor(
    readonly method: string,
    readonly route: string,
    readonly status: number,
  ) {}

  observe(seconds: number): void {
    this.count += 1;
    this.sum += seconds;
    let i = 0;
    while (i < latencyBuckets.length && seconds > (latencyBuckets[i] as number)) i += 1;
    this.buckets[i] = (this.buckets[i] as number) + 1;
  }
}

/** The series of one route, by method and then status code. */
class RouteSeries {
  readonly #byMethod = new Map<string, Map<number, Series>>();

  constructor(
    readonly route: string,
    private readonly all: Series[],
  ) {}

  /** Counts one answered request; allocates only the first time a method and status are seen. */
  observe(method: string, status: number, seconds: number): void {
    let byStatus = this.#byMethod.get(method);
    if (!byStatus) {
      byStatus = new Map();
      this.#byMethod.set(method, byStatus);
    }
    let series = byStatus.get(status);
    if (!series) {
      series = new Series(method, this.route, status);
      byStatus.set(status, series);
      this.all.push(series);
    }
    series.observe(seconds);
  }
}

/**
 * HTTP request counts and latencies of one app, labelled by method, route template and status code.
 * Each route gets its own table when it is registered, so answering a request costs two map lookups
 * and a few additions: no label object, no key string, no allocation once a series exists.
 */
export class HttpMetrics {
  readonly #all: Series[] = [];
  readonly #routes = new Map<string, RouteSeries>();
  readonly unmatched: RouteSeries;

  constructor() {
    this.unmatched = this.forRoute(UNMATCHED_ROUTE);
  }

  /** The table of one route template (shared by every method registered on it). */
  forRoute(route: string): RouteSeries {
    let table = this.#routes.get(route);
    if (!table) {
      table = new RouteSeries(route, this.#all);
      this.#routes.set(route, table);
    }
    return table;
  }

  /** The request counter and the latency histogram, as prom-client renders them. */
  sources(): MetricSource[] {
    const labels = (s: Series) => ({ method: s.method, route: s.route, status: String(s.status) });
    const requests: MetricSource = {
      name: "atrium_http_requests_total",
      help: "HTTP requests answered, by method, route template and status code.",
      type: "counter",
      values: () => this.#all.map((s) => ({ labels: labels(s), value: s.count })),
    };
    const latency: MetricSource = {
      name: "atrium_http_request_duration_seconds",
      help: "Time from receiving a request to the end of its answer, by method, route template and status code.",
      type: "histogram",
      values: () => {
        const values: MetricValue[] = [];
        for (const s of this.#all) {
          const base = labels(s);
          let cumulative = 0;
          for (const [i, bound] of latencyBuckets.entries()) {
            cumulative += s.buckets[i] as number;
            values.push({
              metricName: `${latency.name}_bucket`,
              labels: { ...base, le: bound },
              value: cumulative,
            });
          }
          values.push({
            metricName: `${latency.name}_bucket`,
            labels: { ...base, le: "+Inf" },
            value: s.count,
          });
          values.push({ metricName: `${latency.name}_sum`, labels: base, value: s.sum });
          values.push({ metricName: `${latency.name}_count`, labels: base, value: s.count });
        }
        return values;
      },
    };
    return [requests, latency];
  }
}

type ResponseHook = (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => void;

const metricsOfApp = new WeakMap<object, HttpMetrics>();

/**
 * Counts every answered request of `app`. Call before any route is registered: each route gets its
 * own onResponse hook holding its table (the template is known there, never the raw URL); requests no
 * route matched are counted once, under one label, by an app-wide hook that does nothing for the rest.
 */
export function registerHttpMetrics(app: FastifyInstance): HttpMetrics {
  const metrics = new HttpMetrics();
  metricsOfApp.set(app, metrics);
  app.addHook("onRoute", (route) => {
    const table = metrics.forRoute(route.url ?? UNMATCHED_ROUTE);
    const hook: ResponseHook = (request, reply, done) => {
      table.observe(request.method, reply.statusCode, reply.elapsedTime / 1000);
      done();
    };
    const existing = route.onResponse;
    route.onResponse = existing ? [...(Array.isArray(existing) ? existing : [existing]), hook] : [hook];
  });
  app.addHook("onResponse", (request, reply, done) => {
    if (request.is404) metrics.unmatched.observe(request.method, reply.statusCode, reply.elapsedTime / 1000);
    done();
  });
  return metrics;
}

/** The HTTP metrics registered on `app`, or null when it counts none. */
export function httpMetricsOf(app: FastifyInstance): HttpMetrics | null {
  return metricsOfApp.get(app) ?? null;
}
