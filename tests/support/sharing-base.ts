import { createHash } from "node:crypto";
import type pg from "pg";
import type { AppDeps } from "../../server/deps.js";
import { createFirm } from "./factories.js";
import { categoriesOf } from "./factories-documents.js";
import { createPortalAccount } from "./factories-grants.js";
import { createClientFile, lineOfBusinessId } from "./factories-records.js";
import { accountLabels, documentCategoryLabels, fileLabels, lineLabels } from "./sharing-model.js";

// SEC-12: what every run of the model test starts from, created once per test file and never
// changed by a run (runs write inside a transaction that is rolled back).

/** What every run starts from, created once per test file. */
export interface SharingBase {
  deps: AppDeps;
  firmId: string;
  ids: Map<string, string>;
}

/** The instant a run's clock starts at; actions count minutes from here. */
export const runStart = new Date("2026-06-01T12:00:00Z");

/** Creates the firm, its client files and the portal accounts, and looks up lines and categories. */
export async function createSharingBase(deps: AppDeps): Promise<SharingBase> {
  const { firmId } = await createFirm(deps);
  const ids = new Map<string, string>();
  for (const label of fileLabels)
    ids.set(label, (await createClientFile(deps, firmId, { caseOwnerId: "sec-12", displayName: label })).id);
  for (const label of accountLabels)
    ids.set(label, (await createPortalAccount(deps, { name: label })).userId);
  for (const line of lineLabels) ids.set(line, await lineOfBusinessId(deps, firmId, line));
  const byKey = await categoriesOf(deps, firmId);
  for (const key of documentCategoryLabels) {
    const category = byKey.get(key);
    if (!category) throw new Error(`no document category ${key}`);
    ids.set(`category:${key}`, category.id);
  }
  return { deps, firmId, ids };
}

/**
 * The run's connection, with every parameterised query sent as a named prepared statement (named by
 * its text), so PostgreSQL plans each distinct statement once per connection instead of once per call:
 * the same statements and answers, a fraction of the time (planning the list query dominated a read).
 */
export function preparing(client: pg.PoolClient): pg.PoolClient {
  const query = (config: unknown, ...rest: unknown[]) => {
    // Drizzle passes a config object with an empty name; plain strings (begin, rollback) pass unchanged.
    if (
      typeof config === "object" &&
      config !== null &&
      "text" in config &&
      !(config as { name?: string }).name
    ) {
      const digest = createHash("sha1").update(String(config.text)).digest("hex");
      config = { ...config, name: `sec12_${digest.slice(0, 16)}` };
    }
    return (client.query as (...args: unknown[]) => unknown)(config, ...rest);
  };
  return new Proxy(client, {
    get: (target, prop) => (prop === "query" ? query : Reflect.get(target, prop)),
  });
}
