import { and, eq } from "drizzle-orm";
import type { ScopedTx } from "../../platform/db/scope.js";
import { newId } from "../../platform/ids.js";
import { authAccounts, users } from "./identity.tables.js";

// Accounts are global (one human, several firms): these read and write them from any scope.

/** The account with this (normalized) email, or undefined. Accounts are global. */
export async function findAccountByEmail(tx: ScopedTx, email: string) {
  const [account] = await tx.db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(eq(users.email, email));
  return account;
}

/** The password hash of an account's credential login, or undefined. */
export async function findPasswordHash(tx: ScopedTx, userId: string) {
  const [row] = await tx.db
    .select({ password: authAccounts.password })
    .from(authAccounts)
    .where(and(eq(authAccounts.userId, userId), eq(authAccounts.providerId, "credential")));
  return row?.password ?? undefined;
}

/** Creates an account with a credential login (the password already hashed). Accounts are global. */
export async function insertAccount(
  tx: ScopedTx,
  values: { id: string; name: string; email: string; language: string; passwordHash: string; at: Date },
) {
  await tx.db.insert(users).values({
    id: values.id,
    name: values.name,
    email: values.email,
    language: values.language,
    createdAt: values.at,
    updatedAt: values.at,
  });
  await tx.db.insert(authAccounts).values({
    id: newId(),
    accountId: values.id,
    providerId: "credential",
    userId: values.id,
    password: values.passwordHash,
    createdAt: values.at,
    updatedAt: values.at,
  });
}
