import { eq } from "drizzle-orm";
import type { Language, StaffRole } from "../../contracts/common.js";
import type { AppDeps } from "../../server/deps.js";
import { createFirmWithDefaults } from "../../server/modules/firms/firms.service.js";
import { firms, staffMembers } from "../../server/modules/firms/firms.tables.js";
import { authAccounts, users } from "../../server/modules/identity/identity.tables.js";
import { hashPassword } from "../../server/modules/identity/password.js";
import { inScope } from "../../server/platform/db/scope.js";
import { newId } from "../../server/platform/ids.js";

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

/**
 * A firm row (outside the setup flow), in its own scope. Its portal accounts need no second factor
 * unless `secondFactor` says otherwise (FIRM-3: a new firm asks for "any"), so tests about other things
 * need not set one up; `realDefaults` keeps every policy exactly as a new firm starts.
 */
export async function createFirm(
  deps: AppDeps,
  input: {
    name?: string;
    language?: Language;
    secondFactor?: "none" | "any" | "sms" | "totp" | "passkey";
    realDefaults?: boolean;
  } = {},
) {
  const firmId = newId();
  const name = input.name ?? `Firm ${unique()}`;
  await inScope(deps.database, { firmId }, async (tx) => {
    await createFirmWithDefaults(tx, { name, language: input.language ?? "de" });
    if (input.realDefaults) return;
    await tx.db
      .update(firms)
      .set({ secondFactor: input.secondFactor ?? "none" })
      .where(eq(firms.firmId, firmId));
  });
  return { firmId, name };
}

/** An account with a password and, when `firmId` is given, a staff membership with `role`. */
export async function createStaff(
  deps: AppDeps,
  firmId: string,
  input: {
    role?: StaffRole;
    name?: string;
    email?: string;
    password?: string;
    language?: Language;
    active?: boolean;
  } = {},
) {
  const userId = newId();
  const email = input.email ?? `staff-${unique()}@example.test`;
  const password = input.password ?? "a calm river at dawn";
  const name = input.name ?? "Sam Staff";
  const passwordHash = await hashPassword(password);
  await inScope(deps.database, { firmId, userId }, async (tx) => {
    await tx.db.insert(users).values({ id: userId, name, email, language: input.language ?? "en" });
    await tx.db
      .insert(authAccounts)
      .values({ id: newId(), accountId: userId, providerId: "credential", userId, password: passwordHash });
    await tx.db
      .insert(staffMembers)
      .values({ firmId, userId, role: input.role ?? "advisor", active: input.active ?? true });
  });
  return { userId, email, password, name };
}

/** A valid first-run setup request. */
export function setupInput(overrides: Record<string, unknown> = {}) {
  return {
    firmName: "Kanzlei Muster GmbH",
    language: "de",
    adminName: "Anna Admin",
    adminEmail: `anna-${unique()}@example.test`,
    password: "correct horse battery staple",
    ...overrides,
  };
}
