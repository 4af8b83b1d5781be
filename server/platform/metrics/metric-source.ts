import type { Metric, Registry } from "prom-client";

/** One sample of a metric: its labels and value (`metricName` for a histogram's _bucket/_sum/_count). */
export interface MetricValue {
  metricName?: string;
  labels: Record<string, string | number>;
  value: number;
}

/**
 * A metric whose samples are computed when it is scraped, from counts kept elsewhere (the request
 * tables, a cached database read), so nothing is updated on prom-client's side between scrapes.
 */
export interface MetricSource {
  name: string;
  help: string;
  type: "counter" | "gauge" | "histogram";
  values(): MetricValue[] | Promise<MetricValue[]>;
}

/** Registers `source` in `registry` in the shape prom-client renders (the object its metrics return from get()). */
export function registerSource(registry: Registry, source: MetricSource): void {
  const metric = {
    name: source.name,
    help: source.help,
    type: source.type,
    get: async () => ({
      name: source.name,
      help: source.help,
      type: source.type,
      aggregator: "sum",
      values: await source.values(),
    }),
  };
  // prom-client types only its own classes here; its registry needs nothing but name, type and get().
  registry.registerMetric(metric as unknown as Metric);
}
