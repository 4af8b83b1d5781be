/** The generic error codes of the API and the HTTP status each maps to. */
export const errorStatus = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  /** A portal account lacks the second factor its firm asks for (FIRM-3); details name what to set up. */
  second_factor_required: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

/** One wrong input: the field (body key, dotted for nested) and a message key with its parameters. */
export interface FieldProblem {
  field: string;
  message: string;
  params?: Record<string, string | number>;
}

/** Details an error may carry; `fields` names each wrong input for `invalid`. */
export interface ErrorDetails {
  fields?: FieldProblem[];
  [key: string]: unknown;
}

/**
 * The one error type. `messageKey` is a key of the server catalog, translated per request;
 * `params` fill its placeholders. Field messages are keys too until the error handler translates them.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly messageKey: string = `errors.${code}`,
    readonly params: Record<string, string | number> = {},
    readonly details: ErrorDetails = {},
  ) {
    super(messageKey);
    this.name = "AppError";
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

/** An `invalid` error on one field, e.g. `invalidField("password", "field.password_common")`. */
export function invalidField(field: string, message: string, params?: Record<string, string | number>) {
  return new AppError("invalid", "errors.invalid", {}, { fields: [{ field, message, params }] });
}
