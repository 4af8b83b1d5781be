import type { z } from "zod";
import {
  type CaseDetails,
  type CaseKind,
  type CreatePortalCase,
  caseKinds,
} from "../../../contracts/cases.js";
import type { Language } from "../../../contracts/common.js";
import type { FieldProblem } from "../../platform/errors.js";
import { parseFields, zodIssueToField } from "../../platform/http/zod-fields.js";
import { translate } from "../../platform/i18n/translate.js";
import { formatDay } from "../../platform/mail/templates/format.js";
import {
  blankToNull,
  checkCurrency,
  FieldProblems,
  latestToday,
  parseMoney,
} from "../records/records.validation.js";

// Checking what a client sends for a case: the shape (zod, the same schemas the web form uses), then
// what a schema cannot say (dates not in the future, amounts, currencies), all problems at once.

function issueToField(issue: z.core.$ZodIssue): FieldProblem {
  // An unknown `kind` of a case: name the choices.
  if (issue.code === "invalid_union") {
    const field = issue.path.join(".") || "body";
    if (issue.path.length === 0 || issue.path.at(-1) === "kind")
      return { field: "kind", message: "field.choice", params: { options: caseKinds.join(", ") } };
    return { field, message: "field.type" };
  }
  return zodIssueToField(issue);
}

/** Parses `body` with `schema`, or throws one `invalid` error naming every wrong field, translated later. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  return parseFields(schema, body, issueToField);
}

/** What a new case stores besides its thread. */
export interface CaseContent {
  kind: CaseKind;
  subject: string;
  contractId: string | null;
  details: CaseDetails;
  /** The first message of the thread (null when the case says all in its details). */
  message: string | null;
}

function optionalMoney(
  problems: FieldProblems,
  field: string,
  input: number | string | null | undefined,
): string | null {
  if (input === null || input === undefined || input === "") return null;
  return parseMoney(problems, field, input, "not_negative");
}

/**
 * Checks a new case's content beyond its shape and builds what is stored: the details as presented,
 * and a subject made from the kind and details (in `language`) when the client gave none.
 */
export function caseContentOf(input: CreatePortalCase, now: Date, language: Language): CaseContent {
  const problems = new FieldProblems();
  const today = latestToday(now);
  const subjectOr = (key: string, params: Record<string, string>) =>
    input.subject ?? translate(language, key, params).slice(0, 200);
  switch (input.kind) {
    case "message":
      return {
        kind: "message",
        subject: input.subject,
        contractId: null,
        details: { kind: "message" },
        message: input.message,
      };
    case "upload":
      return {
        kind: "upload",
        subject: subjectOr("cases.subject.upload", {}),
        contractId: null,
        details: { kind: "upload" },
        message: input.message ?? null,
      };
    case "claim_report": {
      const d = input.details;
      if (d.dateOfLoss > today) problems.add("details.dateOfLoss", "cases.date_in_future");
      const currency = d.currency ?? "EUR";
      if (d.currency) checkCurrency(problems, "details.currency", d.currency);
      const estimatedAmount = optionalMoney(problems, "details.estimatedAmount", d.estimatedAmount);
      problems.throwIfAny();
      return {
        kind: "claim_report",
        subject: subjectOr("cases.subject.claim_report", { date: formatDay(d.dateOfLoss, language) }),
        contractId: d.contractId,
        details: {
          kind: "claim_report",
          claim: {
            contractId: d.contractId,
            dateOfLoss: d.dateOfLoss,
            place: blankToNull(d.place),
            whatHappened: d.whatHappened,
            estimatedAmount,
            currency,
          },
        },
        message: input.message ?? null,
      };
    }
    case "contract_capture": {
      const d = input.details;
      const currency = d.currency ?? "EUR";
      if (d.currency) checkCurrency(problems, "details.currency", d.currency);
      const premium = optionalMoney(problems, "details.premium", d.premium);
      if (d.startDate && d.endDate && d.endDate < d.startDate)
        problems.add("details.endDate", "cases.end_before_start");
      problems.throwIfAny();
      return {
        kind: "contract_capture",
        subject: subjectOr("cases.subject.contract_capture", { insurer: d.insurer }),
        contractId: null,
        details: {
          kind: "contract_capture",
          contract: {
            insurer: d.insurer,
            productName: blankToNull(d.productName),
            policyNumber: blankToNull(d.policyNumber),
            risk: blankToNull(d.risk),
            premium,
            premiumFrequency: d.premiumFrequency ?? null,
            currency,
            startDate: d.startDate ?? null,
            endDate: d.endDate ?? null,
          },
        },
        message: input.message ?? null,
      };
    }
    case "quote_request": {
      const d = input.details;
      return {
        kind: "quote_request",
        subject: subjectOr("cases.subject.quote_request", { risk: d.risk }),
        contractId: null,
        details: {
          kind: "quote_request",
          quote: { risk: d.risk, wanted: d.wanted, desiredStartDate: d.desiredStartDate ?? null },
        },
        message: input.message ?? null,
      };
    }
  }
}
