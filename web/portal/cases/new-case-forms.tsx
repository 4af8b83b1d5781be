import { useTranslation } from "react-i18next";
import { z } from "zod";
import type { PortalCaseAbilities } from "../../../contracts/cases";
import type { Language } from "../../../contracts/common";
import type { PortalContract } from "../../../contracts/portal";
import { premiumFrequencies } from "../../../contracts/records";
import { amountField, amountOrNull, currencyCode, currencyField, textOrNull } from "../../ui/amounts";
import { AmountField, ChoiceOptions, CurrencyField, TextAreaField } from "../../ui/inputs";
import { QueryView } from "../../ui/query-view";
import { Select } from "../../ui/select";
import { TextField } from "../../ui/text-field";
import { usePortalFile } from "../file-context";
import { usePortalList } from "../portal-api";
import { contractLine, contractTitle } from "../portal-format";
import { CaseFiles, CaseFormShell, useCaseForm } from "./case-form";

// One form per kind of case (PORTAL-6, PORTAL-7). Client-side checks only say what is missing; the
// server checks everything again and its messages land on the same fields.

const required = z.string().trim().min(1, "validation.required");
const optional = z.string();
/** Today in the viewer's calendar, for the date pickers' upper bound. */
function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}

/** "Write to us": a subject and a message, with files if wanted. */
export function MessageForm() {
  const { t } = useTranslation();
  const { field, files, shell } = useCaseForm({
    kind: "message",
    schema: () => z.object({ subject: required, message: required }),
    defaultValues: { subject: "", message: "" },
    fields: ["subject", "message"],
    toData: (v) => ({ kind: "message", subject: v.subject.trim(), message: v.message.trim() }),
  });
  return (
    <CaseFormShell intro={t("cases.form.message.intro")} {...shell}>
      <TextField
        label={t("cases.form.subject")}
        hint={t("cases.form.subjectHint")}
        maxLength={200}
        {...field("subject")}
      />
      <TextAreaField
        label={t("cases.form.message.label")}
        rows={7}
        maxLength={10_000}
        {...field("message")}
      />
      <CaseFiles {...files} label={t("cases.form.filesOptional")} />
    </CaseFormShell>
  );
}

function claimSchema(language: Language) {
  return z.object({
    details: z.object({
      contractId: z.string().min(1, "cases.form.claim.contractRequired"),
      dateOfLoss: z
        .string()
        .min(1, "validation.required")
        .refine((v) => v <= today(), "cases.form.claim.dateInFuture"),
      place: optional,
      whatHappened: required,
      estimatedAmount: amountField(language, true),
      currency: currencyField,
    }),
  });
}

/** "Report a claim" once the contracts to choose from are known (none when the file shares none). */
export function ClaimForm({ abilities }: { abilities: PortalCaseAbilities }) {
  const { firmId, fileId, overview } = usePortalFile();
  const shared = overview.shared.contracts;
  const contracts = usePortalList(firmId, fileId, "contracts");
  if (!shared) return <ClaimFormFields abilities={abilities} contracts={[]} />;
  return (
    <QueryView query={contracts}>
      {(data) => <ClaimFormFields abilities={abilities} contracts={data.contracts} />}
    </QueryView>
  );
}

/** The claim report: the contract (or none, where allowed), when, where, what, an estimate, photos. */
function ClaimFormFields({
  abilities,
  contracts: list,
}: {
  abilities: PortalCaseAbilities;
  contracts: PortalContract[];
}) {
  const { t } = useTranslation();
  const { overview } = usePortalFile();
  // With nothing to choose, "no contract" is already chosen where it is allowed.
  const withoutOnly = list.length === 0 && abilities.claimWithoutContract;
  const { field, files, shell } = useCaseForm({
    kind: "claim_report",
    schema: claimSchema,
    defaultValues: {
      details: {
        contractId: withoutOnly ? "none" : "",
        dateOfLoss: "",
        place: "",
        whatHappened: "",
        estimatedAmount: "",
        currency: "EUR",
      },
    },
    fields: [
      "details.contractId",
      "details.dateOfLoss",
      "details.place",
      "details.whatHappened",
      "details.estimatedAmount",
      "details.currency",
    ],
    toData: (v, language) => ({
      kind: "claim_report",
      details: {
        contractId: v.details.contractId === "none" ? null : v.details.contractId,
        dateOfLoss: v.details.dateOfLoss,
        place: textOrNull(v.details.place),
        whatHappened: v.details.whatHappened.trim(),
        estimatedAmount: amountOrNull(v.details.estimatedAmount, language),
        currency: currencyCode(v.details.currency),
      },
    }),
  });
  return (
    <CaseFormShell intro={t("cases.form.claim.intro")} {...shell}>
      <Select
        label={t("cases.form.claim.contract")}
        hint={
          abilities.claimWithoutContract
            ? t("cases.form.claim.contractHintNone")
            : t("cases.form.claim.contractHint")
        }
        {...field("details.contractId")}
      >
        <option value="">{t("cases.form.claim.chooseContract")}</option>
        {list.map((c) => (
          <option key={c.id} value={c.id}>
            {`${contractTitle(c, overview.showProductName)} – ${contractLine(c)}`}
          </option>
        ))}
        {abilities.claimWithoutContract ? (
          <option value="none">{t("cases.form.claim.noContract")}</option>
        ) : null}
      </Select>
      <TextField
        type="date"
        max={today()}
        label={t("cases.form.claim.dateOfLoss")}
        {...field("details.dateOfLoss")}
      />
      <TextField
        label={t("cases.form.claim.place")}
        hint={t("cases.form.claim.placeHint")}
        maxLength={300}
        {...field("details.place")}
      />
      <TextAreaField
        label={t("cases.form.claim.whatHappened")}
        hint={t("cases.form.claim.whatHappenedHint")}
        rows={6}
        maxLength={5000}
        {...field("details.whatHappened")}
      />
      <div className="grid gap-4 sm:grid-cols-[2fr_1fr]">
        <AmountField label={t("cases.form.claim.estimatedAmount")} {...field("details.estimatedAmount")} />
        <CurrencyField {...field("details.currency")} />
      </div>
      <CaseFiles {...files} camera label={t("cases.form.claim.files")} />
    </CaseFormShell>
  );
}

function captureSchema(language: Language) {
  return z
    .object({
      details: z.object({
        insurer: required,
        productName: optional,
        policyNumber: optional,
        risk: optional,
        premium: amountField(language, true),
        premiumFrequency: z.union([z.enum(premiumFrequencies), z.literal("")]),
        currency: currencyField,
        startDate: optional,
        endDate: optional,
      }),
      message: optional,
    })
    .refine((v) => !v.details.startDate || !v.details.endDate || v.details.endDate >= v.details.startDate, {
      path: ["details", "endDate"],
      message: "records.validation.endBeforeStart",
    });
}

/** "Add a contract held elsewhere": what the client knows of it, and a photo or PDF of the policy. */
export function CaptureForm() {
  const { t } = useTranslation();
  const { field, files, shell } = useCaseForm({
    kind: "contract_capture",
    schema: captureSchema,
    defaultValues: {
      details: {
        insurer: "",
        productName: "",
        policyNumber: "",
        risk: "",
        premium: "",
        premiumFrequency: "",
        currency: "EUR",
        startDate: "",
        endDate: "",
      },
      message: "",
    },
    fields: [
      "details.insurer",
      "details.productName",
      "details.policyNumber",
      "details.risk",
      "details.premium",
      "details.premiumFrequency",
      "details.currency",
      "details.startDate",
      "details.endDate",
      "message",
    ],
    toData: (v, language) => ({
      kind: "contract_capture",
      message: textOrNull(v.message) ?? undefined,
      details: {
        insurer: v.details.insurer.trim(),
        productName: textOrNull(v.details.productName),
        policyNumber: textOrNull(v.details.policyNumber),
        risk: textOrNull(v.details.risk),
        premium: amountOrNull(v.details.premium, language),
        premiumFrequency: v.details.premiumFrequency || null,
        currency: currencyCode(v.details.currency),
        startDate: v.details.startDate || null,
        endDate: v.details.endDate || null,
      },
    }),
  });
  return (
    <CaseFormShell intro={t("cases.form.capture.intro")} {...shell}>
      <CaseFiles
        {...files}
        camera
        label={t("cases.form.capture.files")}
        hint={t("cases.form.capture.filesHint")}
      />
      <TextField
        label={t("cases.form.capture.insurer")}
        hint={t("cases.form.capture.insurerHint")}
        maxLength={200}
        {...field("details.insurer")}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label={t("cases.form.capture.risk")}
          hint={t("cases.form.capture.riskHint")}
          maxLength={500}
          {...field("details.risk")}
        />
        <TextField
          label={t("cases.form.capture.policyNumber")}
          maxLength={100}
          {...field("details.policyNumber")}
        />
        <TextField
          label={t("cases.form.capture.productName")}
          maxLength={200}
          {...field("details.productName")}
        />
        <AmountField label={t("cases.form.capture.premium")} {...field("details.premium")} />
        <Select label={t("cases.form.capture.frequency")} {...field("details.premiumFrequency")}>
          <option value="">{t("cases.form.capture.noFrequency")}</option>
          <ChoiceOptions values={premiumFrequencies} labelOf={(f) => t(`portal.frequency.${f}`)} />
        </Select>
        <CurrencyField {...field("details.currency")} />
        <TextField type="date" label={t("cases.form.capture.startDate")} {...field("details.startDate")} />
        <TextField type="date" label={t("cases.form.capture.endDate")} {...field("details.endDate")} />
      </div>
      <TextAreaField label={t("cases.form.noteOptional")} rows={3} maxLength={10_000} {...field("message")} />
    </CaseFormShell>
  );
}

/** "Ask for a quote": what is to be insured, what is wanted, from when. */
export function QuoteForm() {
  const { t } = useTranslation();
  const { field, files, shell } = useCaseForm({
    kind: "quote_request",
    schema: () =>
      z.object({ details: z.object({ risk: required, wanted: required, desiredStartDate: optional }) }),
    defaultValues: { details: { risk: "", wanted: "", desiredStartDate: "" } },
    fields: ["details.risk", "details.wanted", "details.desiredStartDate"],
    toData: (v) => ({
      kind: "quote_request",
      details: {
        risk: v.details.risk.trim(),
        wanted: v.details.wanted.trim(),
        desiredStartDate: v.details.desiredStartDate || null,
      },
    }),
  });
  return (
    <CaseFormShell intro={t("cases.form.quote.intro")} {...shell}>
      <TextField
        label={t("cases.form.quote.risk")}
        hint={t("cases.form.quote.riskHint")}
        maxLength={300}
        {...field("details.risk")}
      />
      <TextAreaField
        label={t("cases.form.quote.wanted")}
        hint={t("cases.form.quote.wantedHint")}
        rows={6}
        maxLength={5000}
        {...field("details.wanted")}
      />
      <TextField
        type="date"
        min={today()}
        label={t("cases.form.quote.desiredStartDate")}
        {...field("details.desiredStartDate")}
      />
      <CaseFiles {...files} label={t("cases.form.filesOptional")} />
    </CaseFormShell>
  );
}

/** "Send documents": the files, and optionally what they are. */
export function UploadForm() {
  const { t } = useTranslation();
  const { field, files, shell } = useCaseForm({
    kind: "upload",
    schema: () => z.object({ subject: optional, message: optional }),
    defaultValues: { subject: "", message: "" },
    fields: ["subject", "message"],
    filesRequired: true,
    toData: (v) => ({
      kind: "upload",
      subject: textOrNull(v.subject) ?? undefined,
      message: textOrNull(v.message) ?? undefined,
    }),
  });
  return (
    <CaseFormShell intro={t("cases.form.upload.intro")} {...shell}>
      <CaseFiles {...files} camera label={t("cases.form.upload.files")} />
      <TextField
        label={t("cases.form.upload.subject")}
        hint={t("cases.form.upload.subjectHint")}
        maxLength={200}
        {...field("subject")}
      />
      <TextAreaField label={t("cases.form.noteOptional")} rows={3} maxLength={10_000} {...field("message")} />
    </CaseFormShell>
  );
}
