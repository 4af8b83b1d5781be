import type { FastifyRequest } from "fastify";
import type { SetupRequest } from "../../../contracts/setup.js";
import type { AppDeps } from "../../deps.js";
import { sqlState, UNIQUE_VIOLATION } from "../../platform/db/errors.js";
import { inScope } from "../../platform/db/scope.js";
import { AppError } from "../../platform/errors.js";
import { newId } from "../../platform/ids.js";
import { queueEmail } from "../../platform/mail/outbox.js";
import { createFirmWithDefaults } from "../firms/firms.service.js";
import { installation, staffMembers } from "../firms/firms.tables.js";
import { signIn } from "../identity/identity.service.js";
import { authAccounts, users } from "../identity/identity.tables.js";
import { assertPasswordAcceptable, hashPassword } from "../identity/password.js";

/** Whether the first-run setup is still to be done (no installation row yet). */
export async function isSetupNeeded(deps: AppDeps): Promise<boolean> {
  const { rows } = await deps.database.app.query<{ done: boolean }>(
    "select exists(select 1 from installation) as done",
  );
  return !rows[0]?.done;
}

/**
 * Creates the firm, its first admin (account, password, staff membership) and the welcome mail in one
 * transaction, then signs the admin in. The installation row's key makes a second setup a 409,
 * also when two requests race.
 */
export async function completeSetup(deps: AppDeps, request: FastifyRequest, input: SetupRequest) {
  const email = input.adminEmail.trim().toLowerCase();
  await assertPasswordAcceptable(input.password, email, "password");
  if (!(await isSetupNeeded(deps))) throw new AppError("conflict", "errors.setup_done");

  const firmId = newId();
  const userId = newId();
  const passwordHash = await hashPassword(input.password);
  try {
    await inScope(deps.database, { firmId, userId }, async (tx) => {
      await tx.db.insert(installation).values({ firstFirmId: firmId });
      await createFirmWithDefaults(tx, { name: input.firmName, language: input.language });
      await tx.db
        .insert(users)
        .values({ id: userId, name: input.adminName, email, language: input.language });
      await tx.db.insert(authAccounts).values({
        id: newId(),
        accountId: userId,
        providerId: "credential",
        userId,
        password: passwordHash,
      });
      await tx.db.insert(staffMembers).values({ firmId, userId, role: "admin" });
      await queueEmail(tx, deps, {
        template: "welcome-admin",
        recipient: { name: input.adminName, email, language: input.language, salutation: "formal" },
        props: { firmName: input.firmName, loginUrl: `${deps.config.publicUrl}/app` },
        branding: { firmName: input.firmName },
        meta: { reason: "setup" },
      });
    });
  } catch (error) {
    if (sqlState(error) === UNIQUE_VIOLATION) throw new AppError("conflict", "errors.setup_done");
    throw error;
  }
  const { headers } = await signIn(deps, request, email, input.password);
  return { firmId, userId, headers };
}
