import type { z } from "zod";
import { AppError, type FieldProblem } from "../errors.js";

/**
 * One zod issue as a field problem with a translatable message, for values checked in a service
 * (multipart fields, a case's details) rather than by the route's schema.
 */
export function zodIssueToField(issue: z.core.$ZodIssue): FieldProblem {
  const field = issue.path.join(".") || "body";
  switch (issue.code) {
    case "too_small":
      return Number(issue.minimum) <= 1
        ? { field, message: "field.required" }
        : { field, message: "field.too_short", params: { min: Number(issue.minimum) } };
    case "too_big":
      return { field, message: "field.too_long", params: { max: Number(issue.maximum) } };
    case "unrecognized_keys":
      return {
        field: [...issue.path, issue.keys[0]].filter((k) => k !== "").join(".") || field,
        message: "field.unknown",
      };
    case "invalid_type":
      return { field, message: issue.input === undefined ? "field.required" : "field.type" };
    case "invalid_value":
      return { field, message: "field.choice", params: { options: issue.values.map(String).join(", ") } };
    default:
      return { field, message: "field.type" };
  }
}

/**
 * Parses `value` with `schema`, or throws one `invalid` error naming every wrong field; `toField`
 * lets a caller word some issues its own way.
 */
export function parseFields<S extends z.ZodType>(
  schema: S,
  value: unknown,
  toField: (issue: z.core.$ZodIssue) => FieldProblem = zodIssueToField,
): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new AppError("invalid", "errors.invalid", {}, { fields: parsed.error.issues.map(toField) });
}
