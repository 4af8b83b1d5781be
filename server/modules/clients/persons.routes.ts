import { z } from "zod";
import {
  personInputSchema,
  personListSchema,
  personPatchSchema,
  personSchema,
} from "../../../contracts/clients.js";
import type { App, AppDeps } from "../../deps.js";
import { inStaffScope } from "../access/staff-scope.js";
import { addPerson, listPersons, removePerson, updatePerson } from "./persons.service.js";

const tags = ["persons"];
const fileParams = z.object({ id: z.string().max(100) });
const personParams = z.object({ id: z.string().max(100), personId: z.string().max(100) });

/** Persons on a client file (FILE-2, FILE-3): family members, company contacts, external advisors. */
export async function personsRoutes(app: App, deps: AppDeps): Promise<void> {
  app.get(
    "/api/client-files/:id/persons",
    {
      schema: {
        tags,
        summary: "The persons on a client file, with shared emails flagged",
        params: fileParams,
        response: { 200: personListSchema },
      },
    },
    async (request) => ({
      items: await inStaffScope(deps, request, (work) => listPersons(work, request.params.id)),
    }),
  );

  app.post(
    "/api/client-files/:id/persons",
    {
      schema: {
        tags,
        summary: "Add a person to a client file",
        params: fileParams,
        body: personInputSchema,
        response: { 201: personSchema },
      },
    },
    async (request, reply) => {
      const person = await inStaffScope(deps, request, (work) =>
        addPerson(work, request.params.id, request.body),
      );
      return reply.code(201).send(person);
    },
  );

  app.patch(
    "/api/client-files/:id/persons/:personId",
    {
      schema: {
        tags,
        summary: "Change a person on a client file",
        params: personParams,
        body: personPatchSchema,
        response: { 200: personSchema },
      },
    },
    (request) =>
      inStaffScope(deps, request, (work) =>
        updatePerson(work, request.params.id, request.params.personId, request.body),
      ),
  );

  app.delete(
    "/api/client-files/:id/persons/:personId",
    {
      schema: {
        tags,
        summary: "Remove a person from a client file",
        params: personParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await inStaffScope(deps, request, (work) =>
        removePerson(work, request.params.id, request.params.personId),
      );
      return reply.code(204).send(null);
    },
  );
}
