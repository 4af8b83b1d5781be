import { randomBytes } from "node:crypto";
import pg from "pg";

/** A database created for one run inside an existing PostgreSQL server; `drop()` removes it. */
export interface ScratchDatabase {
  name: string;
  url: string;
  drop: () => Promise<void>;
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates `atrium_e2e_<random>` in the server `serverUrl` points at, so runs never share state. */
export async function createScratchDatabase(serverUrl: string): Promise<ScratchDatabase> {
  const name = `atrium_e2e_${randomBytes(6).toString("hex")}`;
  await withClient(serverUrl, (client) => client.query(`create database ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: async () => {
      // `with (force)` ends connections a killed app may have left behind (PostgreSQL 13+).
      await withClient(serverUrl, (client) => client.query(`drop database if exists ${name} with (force)`));
    },
  };
}
