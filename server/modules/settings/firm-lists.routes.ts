import { z } from "zod";
import {
  createDocumentCategorySchema,
  createLineOfBusinessSchema,
  documentCategorySchema,
  lineOfBusinessSchema,
  settingsIdParamSchema,
  updateDocumentCategorySchema,
  updateLineOfBusinessSchema,
} from "../../../contracts/settings.js";
import type { App, AppDeps } from "../../deps.js";
import { inStaffScope } from "../access/staff-scope.js";
import {
  createDocumentCategory,
  createLineOfBusiness,
  listDocumentCategories,
  listLinesOfBusiness,
  updateDocumentCategory,
  updateLineOfBusiness,
} from "./firm-lists.service.js";

const tags = ["settings"];

/** The firm's editable lists: lines of business and document categories (no deletion: deactivate). */
export async function firmListsRoutes(app: App, deps: AppDeps): Promise<void> {
  app.get(
    "/api/firm/lines-of-business",
    {
      schema: {
        tags,
        summary: "The firm's lines of business, active and inactive",
        response: { 200: z.array(lineOfBusinessSchema) },
      },
    },
    (request) => inStaffScope(deps, request, (work) => listLinesOfBusiness(work)),
  );

  app.post(
    "/api/firm/lines-of-business",
    {
      schema: {
        tags,
        summary: "Add a line of business (admins)",
        body: createLineOfBusinessSchema,
        response: { 201: lineOfBusinessSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await inStaffScope(deps, request, (work) => createLineOfBusiness(work, request.body))),
  );

  app.patch(
    "/api/firm/lines-of-business/:id",
    {
      schema: {
        tags,
        summary: "Rename, recode, deactivate or reactivate a line of business (admins)",
        params: settingsIdParamSchema,
        body: updateLineOfBusinessSchema,
        response: { 200: lineOfBusinessSchema },
      },
    },
    (request) =>
      inStaffScope(deps, request, (work) => updateLineOfBusiness(work, request.params.id, request.body)),
  );

  app.get(
    "/api/firm/document-categories",
    {
      schema: {
        tags,
        summary: "The firm's document categories, active and inactive",
        response: { 200: z.array(documentCategorySchema) },
      },
    },
    (request) => inStaffScope(deps, request, (work) => listDocumentCategories(work)),
  );

  app.post(
    "/api/firm/document-categories",
    {
      schema: {
        tags,
        summary: "Add a document category (admins)",
        body: createDocumentCategorySchema,
        response: { 201: documentCategorySchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await inStaffScope(deps, request, (work) => createDocumentCategory(work, request.body))),
  );

  app.patch(
    "/api/firm/document-categories/:id",
    {
      schema: {
        tags,
        summary: "Rename, deactivate or reactivate a document category (admins)",
        params: settingsIdParamSchema,
        body: updateDocumentCategorySchema,
        response: { 200: documentCategorySchema },
      },
    },
    (request) =>
      inStaffScope(deps, request, (work) => updateDocumentCategory(work, request.params.id, request.body)),
  );
}
