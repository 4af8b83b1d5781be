import type { FastifyInstance } from "fastify";
import type { FieldProblem } from "../errors.js";

/** Fastify's default limit on one path parameter's length (routes never set their own). */
export const MAX_PARAM_LENGTH = 100;

interface RouteTemplate {
  methods: string[];
  segments: string[];
}

const templatesOf = new WeakMap<FastifyInstance, RouteTemplate[]>();

/** Records every route's path template, so a path the router cannot take apart can still be explained. */
export function collectRouteTemplates(app: FastifyInstance): void {
  const templates: RouteTemplate[] = [];
  templatesOf.set(app, templates);
  app.addHook("onRoute", (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    templates.push({ methods, segments: route.url.split("/") });
  });
}

/** A raw path segment decoded, or null when its percent-encoding is broken. */
function decoded(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** What is wrong with one raw path segment as a parameter value, or null when nothing is. */
function segmentProblem(segment: string): "encoding" | "length" | null {
  const value = decoded(segment);
  if (value === null) return "encoding";
  return value.length > MAX_PARAM_LENGTH ? "length" : null;
}

/**
 * The path parameters a URL the router refused (bad percent-encoding, a parameter over the length
 * limit) was meant to fill: the routes whose template fits every other segment name them. Falls back
 * to `path` when no route fits.
 */
export function badPathFields(app: FastifyInstance, method: string, url: string): FieldProblem[] {
  const segments = (url.split("?")[0] ?? "").split("/");
  const bad = segments.flatMap((s, i) => (segmentProblem(s) ? [i] : []));
  const fitting = (templatesOf.get(app) ?? []).filter(
    (template) =>
      template.segments.length === segments.length &&
      template.segments.every((t, i) => t.startsWith(":") || (!bad.includes(i) && t === segments[i])),
  );
  const sameMethod = fitting.filter((template) => template.methods.includes(method));
  const template = sameMethod[0] ?? fitting[0];
  if (!template || bad.length === 0) return [{ field: "path", message: "field.type" }];
  return bad.map((i): FieldProblem => {
    const field = template.segments[i]?.slice(1) ?? "path";
    return segmentProblem(segments[i] ?? "") === "length"
      ? { field, message: "field.too_long", params: { max: MAX_PARAM_LENGTH } }
      : { field, message: "field.type" };
  });
}
