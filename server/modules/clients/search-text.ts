import type { ScopedTx } from "../../platform/db/scope.js";

/**
 * Recomputes the search text of the given client files from their name, number, external id and
 * their persons' names and emails, in one statement. Every write that changes any of these calls it.
 */
export async function refreshSearchText(tx: ScopedTx, clientFileIds: readonly string[]): Promise<void> {
  if (clientFileIds.length === 0) return;
  await tx.client.query(
    `update client_files f set search_text = lower(concat_ws(' ', f.display_name, f.number, f.external_id,
       (select string_agg(concat_ws(' ', p.first_name, p.last_name, p.email), ' ')
          from persons p where p.firm_id = f.firm_id and p.client_file_id = f.id)))
     where f.firm_id = $1 and f.id = any($2::uuid[])`,
    [tx.scope.firmId, clientFileIds],
  );
}
