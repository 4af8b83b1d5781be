// Firms of the seeds are in Germany and France: one time zone, named in the text.
const timeZone = "Europe/Berlin";

/** A date and time the way a reader of this language writes it, with the time zone named. */
export function formatInstant(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, {
    year: "numeric",
    month: "long",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
    timeZoneName: "short",
  }).format(new Date(iso));
}

/** A day the way a reader of this language writes it ("25. November 2026"), for dates without a time. */
export function formatDay(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, {
    year: "numeric",
    month: "long",
    day: "numeric",
    timeZone,
  }).format(new Date(iso));
}
