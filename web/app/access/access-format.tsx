import { useTranslation } from "react-i18next";
import type { AccessLevel, GranteeStatus } from "../../../contracts/grants";
import { Pill } from "../records/record-table";

const statusTone = {
  pending: "sky",
  active: "green",
  locked: "amber",
  revoked: "red",
  expired: "neutral",
} as const satisfies Record<GranteeStatus, string>;

/** A grantee's status as a coloured badge (the same status always looks the same). */
export function StatusBadge({ status }: { status: GranteeStatus }) {
  const { t } = useTranslation();
  return <Pill tone={statusTone[status]}>{t(`access.status.${status}`)}</Pill>;
}

/** A grantee's level as a badge: read, or read and write. */
export function AccessBadge({ access }: { access: AccessLevel | "none" }) {
  const { t } = useTranslation();
  return <Pill tone={access === "read_write" ? "brand" : "neutral"}>{t(`access.level.${access}`)}</Pill>;
}

/** Today as the browser's calendar date (yyyy-mm-dd), the earliest end an expiry can name. */
export function todayIso(now = new Date()): string {
  return localDate(now);
}

function localDate(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/**
 * The instant an access "until (and including) this day" ends: the start of the next day in the
 * browser's time zone, so the grantee keeps the whole chosen day.
 */
export function expiryFromDate(date: string): string {
  const [year, month, day] = date.split("-").map(Number);
  return new Date(year ?? 1970, (month ?? 1) - 1, (day ?? 1) + 1).toISOString();
}

/** The last day of access (yyyy-mm-dd) of a stored expiry: the day before the instant it ends. */
export function dateFromExpiry(expiresAt: string): string {
  return localDate(new Date(new Date(expiresAt).getTime() - 1));
}

/** Formats the last day of access for people, in the UI language. */
export function useExpiryFormat() {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: "medium" });
  return (expiresAt: string) => format.format(new Date(new Date(expiresAt).getTime() - 1));
}
