import type pg from "pg";
import { APP_ROLE } from "./pool.js";

/** A set-returning plpgsql function that reads inside the firm in scope. */
export interface FirmFunction {
  name: string;
  /** The parameters as declared, e.g. `file uuid, account text`. */
  params: string;
  /** The returned columns, e.g. `id uuid, title text`. */
  columns: string;
  /** Statements run with `firm` (the scope's app.firm_id) known to be set, e.g. `return query select …;`. */
  body: string;
  /** Lines placed between the signature and the body: `security definer`, `set …` (with comments). */
  options?: string;
  /** Further variables, e.g. `grant_ids uuid[];`. */
  declare?: string;
  /**
   * Where unqualified names resolve; by default only the catalog, so the body names its tables with
   * `public.`. A SECURITY DEFINER function must keep the default.
   */
  searchPath?: string;
}

/**
 * Creates (or replaces) a firm function: plpgsql, stable, with a pinned search_path, that answers
 * nothing without a firm in scope and otherwise runs `body` with `firm` set; only the app role may
 * execute it. `create or replace` cannot change the parameters or columns: that needs a drop first.
 */
export async function createFirmFunction(client: pg.PoolClient | pg.Client, fn: FirmFunction): Promise<void> {
  await client.query(`
    create or replace function public.${fn.name}(${fn.params})
      returns table (${fn.columns})
      language plpgsql stable
      set search_path = ${fn.searchPath ?? "pg_catalog, pg_temp"}
      ${fn.options ?? ""}
    as $fn$
    #variable_conflict use_column
    declare
      firm uuid := nullif(current_setting('app.firm_id', true), '')::uuid;
      ${fn.declare ?? ""}
    begin
      if firm is null then
        return;
      end if;
      ${fn.body}
    end
    $fn$`);
  const argTypes = fn.params
    .split(",")
    .map((param) => param.trim().split(/\s+/)[1])
    .join(", ");
  await client.query(`revoke all on function public.${fn.name}(${argTypes}) from public`);
  await client.query(`grant execute on function public.${fn.name}(${argTypes}) to ${APP_ROLE}`);
}
