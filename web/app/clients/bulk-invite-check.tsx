import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { BulkInvitationPlan } from "../../../contracts/bulk-invitations";
import { Alert } from "../../ui/alert";
import { TextField } from "../../ui/text-field";
import { Radio, RadioGroup } from "./bulk-invite-options";
import { StepButtons, StepSection, SummaryLine } from "./bulk-invite-parts";

/** A person the bulk invitation would invite for a file. */
export type PlannedPerson = BulkInvitationPlan["missingEmail"][number];

/** "Klara Muster — Muster, Klara": the person and the file they are invited for. */
export function personOnFile(person: PlannedPerson): string {
  return `${person.personName} — ${person.fileName}`;
}

/**
 * Step 2 of the bulk invitation: the plan in plain words (ready, already invited, already active, files
 * without a person, files the user may not manage), one address field per person without an email, and
 * — where persons share an address — the choice to bundle them into one grant or invite each alone.
 */
export function CheckStep({
  plan,
  asked,
  emails,
  emailErrors,
  onEmail,
  sharedEmails,
  onSharedEmails,
  alert,
  notice,
  busy,
  onBack,
  onClose,
  onContinue,
}: {
  plan: BulkInvitationPlan;
  /** Everyone asked for an address in this dialog so far (their fields stay while the plan changes). */
  asked: PlannedPerson[];
  emails: Record<string, string>;
  emailErrors: Record<string, string>;
  onEmail: (personId: string, email: string) => void;
  sharedEmails: "bundle" | "separate";
  onSharedEmails: (choice: "bundle" | "separate") => void;
  alert: string | undefined;
  /** Something to decide before going on (an address just typed is used by someone else too). */
  notice: string | undefined;
  busy: boolean;
  onBack: () => void;
  onClose: () => void;
  onContinue: () => void;
}) {
  const { t } = useTranslation();
  const typed = asked.some((p) => (emails[p.personId] ?? "").trim() !== "");
  const askedIds = new Set(asked.map((p) => p.personId));
  const unlisted = plan.missingEmail.filter((p) => !askedIds.has(p.personId)).length;
  const nothingToSend = plan.ready === 0 && !typed;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!nothingToSend) onContinue();
  };

  return (
    <form noValidate onSubmit={submit} className="flex flex-col gap-5">
      {alert ? <Alert>{alert}</Alert> : null}
      {notice ? <Alert tone="info">{notice}</Alert> : null}
      <PlanSummary plan={plan} />
      {nothingToSend ? (
        <Alert tone="info" title={t("clients.bulkInvite.nothingToSend")}>
          {t("clients.bulkInvite.nothingToSendHint")}
        </Alert>
      ) : null}

      {asked.length > 0 ? (
        <StepSection title={t("clients.bulkInvite.missingTitle")}>
          <p className="text-sm text-slate-700">{t("clients.bulkInvite.missingHint")}</p>
          <div className="flex flex-col gap-4">
            {asked.map((person) => (
              <TextField
                key={person.personId}
                label={personOnFile(person)}
                type="email"
                inputMode="email"
                autoComplete="off"
                autoCapitalize="none"
                spellCheck={false}
                maxLength={320}
                value={emails[person.personId] ?? ""}
                error={emailErrors[person.personId]}
                onChange={(event) => onEmail(person.personId, event.target.value)}
              />
            ))}
          </div>
          {unlisted > 0 ? (
            <p className="text-sm text-slate-700">
              {t("clients.bulkInvite.missingMore", { count: unlisted })}
            </p>
          ) : null}
        </StepSection>
      ) : null}

      {plan.sharedEmails.length > 0 ? (
        <SharedEmails plan={plan} choice={sharedEmails} onChoice={onSharedEmails} />
      ) : null}

      <StepButtons
        secondary={{ label: t("clients.bulkInvite.back"), onClick: onBack }}
        primary={
          nothingToSend
            ? { label: t("clients.bulkInvite.finish"), onClick: onClose }
            : { label: t("clients.bulkInvite.continue"), busy, busyLabel: t("clients.bulkInvite.checking") }
        }
      />
    </form>
  );
}

/** The plan in plain words; only what applies, the ready count always. */
export function PlanSummary({ plan }: { plan: BulkInvitationPlan }) {
  const { t } = useTranslation();
  const k = "clients.bulkInvite.plan";
  return (
    <StepSection title={t(`${k}.title`)}>
      <ul className="flex flex-col gap-2">
        <SummaryLine tone="ready" testId="plan-ready" text={t(`${k}.ready`, { count: plan.ready })} />
        {plan.missingEmail.length > 0 ? (
          <SummaryLine tone="warning" text={t(`${k}.missingEmail`, { count: plan.missingEmail.length })} />
        ) : null}
        {plan.alreadyInvited > 0 ? (
          <SummaryLine
            testId="plan-already-invited"
            text={t(`${k}.alreadyInvited`, { count: plan.alreadyInvited })}
          />
        ) : null}
        {plan.alreadyActive > 0 ? (
          <SummaryLine
            testId="plan-already-active"
            text={t(`${k}.alreadyActive`, { count: plan.alreadyActive })}
          />
        ) : null}
        {plan.noPerson.length > 0 ? (
          <SummaryLine
            tone="warning"
            text={t(`${k}.noPerson`, { count: plan.noPerson.length })}
            files={plan.noPerson}
            showLabel={t(`${k}.showFiles`)}
          />
        ) : null}
        {plan.notAllowed.length > 0 ? (
          <SummaryLine
            tone="warning"
            text={t(`${k}.notAllowed`, { count: plan.notAllowed.length })}
            files={plan.notAllowed.map((f) => ({ ...f, fileName: f.fileName || t(`${k}.unknownFile`) }))}
            showLabel={t(`${k}.showFiles`)}
          />
        ) : null}
      </ul>
    </StepSection>
  );
}

/** Addresses several persons share, and whether they get one access together or one invitation each. */
function SharedEmails({
  plan,
  choice,
  onChoice,
}: {
  plan: BulkInvitationPlan;
  choice: "bundle" | "separate";
  onChoice: (choice: "bundle" | "separate") => void;
}) {
  const { t } = useTranslation();
  return (
    <StepSection title={t("clients.bulkInvite.sharedTitle")}>
      <p className="text-sm text-slate-700">{t("clients.bulkInvite.sharedIntro")}</p>
      <ul className="flex flex-col gap-3">
        {plan.sharedEmails.map((group) => (
          <li key={group.email} className="rounded-lg border border-slate-200 bg-slate-50 px-4 py-3 text-sm">
            <p className="font-medium break-all text-slate-900">{group.email}</p>
            <ul className="mt-1 flex flex-col gap-0.5 pl-4 text-slate-700">
              {group.persons.map((p) => (
                <li key={`${p.fileId}-${p.personId}`} className="list-disc break-words">
                  {personOnFile(p)}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      <Alert tone="info">{t("clients.bulkInvite.sharedAdvice")}</Alert>
      <RadioGroup legend={t("clients.bulkInvite.sharedChoice")}>
        <Radio
          name="bulk-shared-emails"
          checked={choice === "bundle"}
          onChange={() => onChoice("bundle")}
          label={t("clients.bulkInvite.sharedBundle")}
          hint={t("clients.bulkInvite.sharedBundleHint")}
        />
        <Radio
          name="bulk-shared-emails"
          checked={choice === "separate"}
          onChange={() => onChoice("separate")}
          label={t("clients.bulkInvite.sharedSeparate")}
          hint={t("clients.bulkInvite.sharedSeparateHint")}
        />
      </RadioGroup>
    </StepSection>
  );
}
