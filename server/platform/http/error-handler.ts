import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import type { Language } from "../../../contracts/common.js";
import { AppError, type FieldProblem } from "../errors.js";
import { negotiateLanguage, translate } from "../i18n/translate.js";
import { badPathFields, collectRouteTemplates } from "./bad-path.js";
import { databaseInputError, registerInputGuards } from "./input-guards.js";

declare module "fastify" {
  interface FastifyRequest {
    /** The language of this request's messages (Accept-Language, or the signed-in account's). */
    language: Language;
  }
}

interface ValidationIssue {
  keyword: string;
  instancePath: string;
  message: string;
  params: Record<string, unknown>;
}

/** What the client calls the part of the request a schema checked as a whole. */
const locationNames: Record<string, string> = { querystring: "query", params: "path", headers: "headers" };

/** Maps one schema issue (zod, via the type provider) to a field and a translatable hint. */
function issueToField(issue: ValidationIssue, context: string | undefined): FieldProblem {
  const path = issue.instancePath.replace(/^\//, "").replaceAll("/", ".");
  const p = issue.params;
  const field = path || locationNames[context ?? ""] || context || "body";
  switch (issue.keyword) {
    case "too_small":
      return issue.message.includes("undefined") || p.minimum === 1
        ? { field, message: "field.required" }
        : { field, message: "field.too_short", params: { min: Number(p.minimum) } };
    case "too_big":
      return { field, message: "field.too_long", params: { max: Number(p.maximum) } };
    case "invalid_format":
      return { field, message: p.format === "email" ? "field.email" : "field.type" };
    case "invalid_value":
      return {
        field,
        message: "field.choice",
        params: { options: Array.isArray(p.values) ? p.values.join(", ") : "" },
      };
    case "unrecognized_keys":
      // An unknown key that is itself empty names nothing: then the object it sits in is the field.
      return {
        field: (Array.isArray(p.keys) && [path, p.keys[0]].filter(Boolean).join(".")) || field,
        message: "field.unknown",
      };
    case "invalid_type":
      return {
        field,
        message: issue.message.includes("received undefined") ? "field.required" : "field.type",
      };
    default:
      return { field, message: "field.type" };
  }
}

function toAppError(error: FastifyError & { validationContext?: string }): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fields = (error.validation as unknown as ValidationIssue[]).map((issue) =>
      issueToField(issue, error.validationContext),
    );
    return new AppError("invalid", "errors.invalid", {}, { fields });
  }
  switch (error.code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return new AppError("payload_too_large");
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
    case "FST_ERR_CTP_INVALID_JSON_BODY":
    case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
      return new AppError(
        "invalid",
        "errors.invalid",
        {},
        { fields: [{ field: "body", message: "field.type" }] },
      );
  }
  if (error.statusCode === 429) return new AppError("rate_limited");
  const fromDatabase = databaseInputError(error);
  if (fromDatabase) return fromDatabase;
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return new AppError(
      "invalid",
      "errors.invalid",
      {},
      { fields: [{ field: "request", message: "field.type" }] },
    );
  }
  return new AppError("internal");
}

/** The body every error answers with; messages translated to the request's language. */
export function presentError(error: AppError, language: Language) {
  const { fields, ...rest } = error.details;
  const details = fields
    ? {
        ...rest,
        fields: fields.map((f) => ({ field: f.field, message: translate(language, f.message, f.params) })),
      }
    : Object.keys(rest).length > 0
      ? rest
      : undefined;
  return {
    error: { code: error.code, message: translate(language, error.messageKey, error.params), details },
  };
}

/**
 * Fastify's `frameworkErrors`: a URL the router refuses before any route runs (broken percent-encoding,
 * a parameter over the length limit) answers like every other bad input, naming the parameter.
 */
export function frameworkErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const language = negotiateLanguage(request.headers["accept-language"]);
  const fields = badPathFields(request.server, request.method, request.url);
  request.log.info({ code: error.code }, "request refused");
  reply.code(400).send(presentError(new AppError("invalid", "errors.invalid", {}, { fields }), language));
}

/** Installs the language decorator, the 404 handler, the input guards and the one error handler. */
export function registerErrorHandling(app: FastifyInstance): void {
  collectRouteTemplates(app);
  registerInputGuards(app);
  app.decorateRequest("language", "de");
  app.addHook("onRequest", async (request: FastifyRequest) => {
    request.language = negotiateLanguage(request.headers["accept-language"]);
  });
  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send(presentError(new AppError("not_found"), request.language));
  });
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = toAppError(error);
    if (appError.code === "internal") request.log.error({ err: error }, "unhandled error");
    // Input the schema let through and the database refused: answered, but a schema to tighten.
    else if (!(error instanceof AppError) && databaseInputError(error))
      request.log.warn({ err: error }, "input refused by the database");
    else request.log.info({ code: appError.code, key: appError.messageKey }, "request refused");
    reply.code(appError.status).send(presentError(appError, request.language));
  });
}
