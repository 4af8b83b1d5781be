import type { App } from "../../deps.js";
import { IMPORT_LIMIT_BYTES } from "./stored-file.js";

/** What browsers and tools send a .csv file as; all are read as raw bytes (the encoding is detected). */
export const csvContentTypes = [
  "text/csv",
  "text/plain",
  "application/csv",
  "application/octet-stream",
  "application/vnd.ms-excel",
];

/**
 * Lets the routes of one plugin scope take a raw CSV body (up to the import limit). Registered per
 * scope on purpose: no other route of the app accepts raw bodies.
 */
export function acceptCsvBodies(scope: App): void {
  if (scope.hasContentTypeParser("text/plain")) scope.removeContentTypeParser("text/plain");
  for (const type of csvContentTypes) {
    if (scope.hasContentTypeParser(type)) continue;
    scope.addContentTypeParser(
      type,
      { parseAs: "buffer", bodyLimit: IMPORT_LIMIT_BYTES },
      (_req, body, done) => done(null, body),
    );
  }
}
