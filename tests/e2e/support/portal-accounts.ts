import pg from "pg";
import { hashPassword } from "../../../server/modules/identity/password";
import { newId } from "../../../server/platform/ids";

/** A person's portal sign-in: what the journey types into the portal's sign-in form. */
export interface PortalLogin {
  name: string;
  email: string;
  password: string;
}

/**
 * Gives a grantee a portal account as accepting an invitation will (invitations do not exist yet, so
 * journeys create accounts directly, as tests/support/factories-grants.ts does): a user with an argon2
 * credential, then the grantee linked to it and `active`. One transaction on the app's database, with
 * the firm scope set because row-level security is FORCEd on grantees.
 */
export async function linkPortalAccount(
  databaseUrl: string,
  input: { firmId: string; granteeId: string; login: PortalLogin; language?: "de" | "fr" | "en" },
): Promise<{ userId: string }> {
  const userId = newId();
  const passwordHash = await hashPassword(input.login.password);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("begin");
    await client.query("select set_config('app.firm_id', $1, true), set_config('app.user_id', $2, true)", [
      input.firmId,
      userId,
    ]);
    await client.query("insert into users (id, name, email, language) values ($1, $2, $3, $4)", [
      userId,
      input.login.name,
      input.login.email,
      input.language ?? "en",
    ]);
    await client.query(
      "insert into auth_accounts (id, account_id, provider_id, user_id, password) values ($1, $2, 'credential', $2, $3)",
      [newId(), userId, passwordHash],
    );
    const linked = await client.query(
      "update grantees set account_id = $1, status = 'active', updated_at = now() where firm_id = $2 and id = $3",
      [userId, input.firmId, input.granteeId],
    );
    if (linked.rowCount !== 1)
      throw new Error(`grantee ${input.granteeId} not found in firm ${input.firmId}`);
    await client.query("commit");
  } catch (error) {
    await client.query("rollback").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
  return { userId };
}

/**
 * A portal client of the signed-in staff member's firm: an empty grant with one grantee, linked to a
 * new account (linkPortalAccount). Answers the firm's and the grant's ids.
 */
export async function portalClientOfFirm(
  j: {
    request: { get(url: string): Promise<{ json(): Promise<unknown> }> };
    baseUrl: string;
    databaseUrl: string;
  },
  login: PortalLogin,
  language: "de" | "fr" | "en" = "en",
): Promise<{ firmId: string; grantId: string }> {
  const me = (await (await j.request.get(`${j.baseUrl}/api/me`)).json()) as { firm: { id: string } };
  const firmId = me.firm.id;
  const grantId = newId();
  const granteeId = newId();
  const db = new pg.Client({ connectionString: j.databaseUrl });
  await db.connect();
  try {
    await db.query("begin");
    await db.query("select set_config('app.firm_id', $1, true)", [firmId]);
    await db.query("insert into grants (firm_id, id, name) values ($1, $2, 'G')", [firmId, grantId]);
    await db.query("insert into grantees (firm_id, id, grant_id, email, name) values ($1, $2, $3, $4, $5)", [
      firmId,
      granteeId,
      grantId,
      login.email,
      login.name,
    ]);
    await db.query("commit");
  } finally {
    await db.end();
  }
  await linkPortalAccount(j.databaseUrl, { firmId, granteeId, login, language });
  return { firmId, grantId };
}
