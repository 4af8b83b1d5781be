import { readFileSync } from "node:fs";
import path from "node:path";
import { collectDefaultMetrics, Registry } from "prom-client";
import type { Database } from "../db/pool.js";
import { projectRoot } from "../paths.js";
import type { HttpMetrics } from "./http-metrics.js";
import { registerSource } from "./metric-source.js";
import { OperationalGauges } from "./operational-gauges.js";

let processRegistry: Registry | null = null;

/**
 * The process's own metrics (CPU, memory, heap, event-loop lag, GC, handles), one set per process.
 * Started at the first scrape, so a process nobody scrapes pays nothing for their observers.
 */
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

let version: string | undefined;

/** The version in package.json (read once). */
function atriumVersion(): string {
  version ??= (
    JSON.parse(readFileSync(path.join(projectRoot, "package.json"), "utf8")) as { version: string }
  ).version;
  return version;
}

/** What the metrics of one app are made of. */
export interface ExpositionParts {
  role: string;
  database: Database;
  http: HttpMetrics | null;
}

/** Everything GET /metrics shows for one app, in Prometheus's text format. */
export class MetricsExposition {
  readonly contentType = Registry.PROMETHEUS_CONTENT_TYPE;
  readonly gauges: OperationalGauges;
  readonly #registry = new Registry();

  constructor(parts: ExpositionParts) {
    this.gauges = new OperationalGauges(parts.database);
    registerSource(this.#registry, {
      name: "atrium_build_info",
      help: "Always 1; the labels tell which Atrium version runs in which role on which Node.js.",
      type: "gauge",
      values: () => [
        { labels: { version: atriumVersion(), role: parts.role, node_version: process.version }, value: 1 },
      ],
    });
    for (const source of parts.http?.sources() ?? []) registerSource(this.#registry, source);
    for (const source of this.gauges.sources()) registerSource(this.#registry, source);
  }

  /** The text of one scrape. */
  async render(): Promise<string> {
    const [own, process] = await Promise.all([this.#registry.metrics(), processMetrics().metrics()]);
    return `${own}\n${process}`;
  }
}
