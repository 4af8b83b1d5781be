import { useQuery } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { BulkInvitationPlan, BulkInvitationRun } from "../../../contracts/bulk-invitations";
import type { DocumentCategory } from "../../../contracts/settings";
import { ApiError, errorMessage } from "../../ui/api";
import { LoadError } from "../../ui/load-error";
import { Loading } from "../../ui/loading";
import { grantProfilesQuery } from "../access/access-api";
import { documentCategoriesQuery, firmPoliciesQuery } from "../settings/settings-api";
import {
  type BulkInvitationBody,
  type BulkOptionsDraft,
  bulkBody,
  isEmail,
  planBulkInvitation,
  startBulkInvitation,
} from "./bulk-invite-api";
import { CheckStep, type PlannedPerson } from "./bulk-invite-check";
import { OptionsStep } from "./bulk-invite-options";
import { type BulkStep, Stepper } from "./bulk-invite-parts";
import { RunProgress, SendStep } from "./bulk-invite-progress";
import { Dialog } from "./dialog";

/**
 * "Invite to the portal" for the files selected on the client list (INV-3, seed 001's Sammeleinladung):
 * 1 options, 2 check — the plan in plain words, missing addresses filled in, shared addresses bundled
 * or not — 3 send, with the run's progress and summary. Nothing is sent before "Send invitations".
 */
export function BulkInviteDialog({
  open,
  fileIds,
  onClose,
}: {
  open: boolean;
  fileIds: readonly string[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} title={t("clients.bulkInvite.title")} onClose={onClose}>
      <BulkInviteLoader fileIds={fileIds} onClose={onClose} />
    </Dialog>
  );
}

/** Loads the firm's document categories and recommended ones before the options can be shown. */
function BulkInviteLoader({ fileIds, onClose }: { fileIds: readonly string[]; onClose: () => void }) {
  const categories = useQuery(documentCategoriesQuery);
  const policies = useQuery(firmPoliciesQuery);
  if (categories.isPending || policies.isPending) return <Loading className="py-10" />;
  if (categories.isError || policies.isError) {
    const failed = categories.isError ? categories : policies;
    return <LoadError heading="h2" error={failed.error} onRetry={() => void failed.refetch()} />;
  }
  const active = categories.data.filter((c) => c.active);
  const recommended = new Set(policies.data.recommendedCategoryKeys);
  const recommendedIds = active.filter((c) => recommended.has(c.key)).map((c) => c.id);
  return (
    <BulkInviteFlow fileIds={fileIds} categories={active} recommendedIds={recommendedIds} onClose={onClose} />
  );
}

/** The text of an API failure, with the per-field messages the server named. */
function failureText(error: unknown): string {
  if (!(error instanceof ApiError) || error.fieldErrors.length === 0) return errorMessage(error);
  return [error.message, ...error.fieldErrors.map((f) => f.message)].join(" ");
}

const emailField = /^emails\.(\d+)\.email$/;
/** At most this many address fields in one dialog; the others are skipped this time (and said so). */
const ASK_MAX = 100;

function BulkInviteFlow({
  fileIds,
  categories,
  recommendedIds,
  onClose,
}: {
  fileIds: readonly string[];
  categories: DocumentCategory[];
  recommendedIds: string[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const profiles = useQuery(grantProfilesQuery);
  const [step, setStep] = useState<BulkStep>("options");
  const [draft, setDraft] = useState<BulkOptionsDraft>({
    documents: "all",
    categoryIds: recommendedIds,
    salutation: "",
    language: "",
    personalMessage: "",
    profileId: "",
  });
  const [categoriesError, setCategoriesError] = useState<string>();
  const [plan, setPlan] = useState<BulkInvitationPlan>();
  const [asked, setAsked] = useState<PlannedPerson[]>([]);
  const [emails, setEmails] = useState<Record<string, string>>({});
  const [emailErrors, setEmailErrors] = useState<Record<string, string>>({});
  /** Counts the checks that refused an address, so each one (and only a check) moves the focus. */
  const [refusals, setRefusals] = useState(0);
  const [sharedEmails, setSharedEmails] = useState<"bundle" | "separate">("separate");
  const [alert, setAlert] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [run, setRun] = useState<BulkInvitationRun>();
  const stepRef = useRef<HTMLElement>(null);
  const recommended = useMemo(() => new Set(recommendedIds), [recommendedIds]);

  // A new step replaces the button that was pressed: move focus to the step, not to <body>.
  const shown = run ? "run" : step;
  const lastShown = useRef(shown);
  useEffect(() => {
    if (shown === lastShown.current) return;
    lastShown.current = shown;
    stepRef.current?.focus();
  }, [shown]);

  // The first field the last check refused gets the focus.
  useEffect(() => {
    if (refusals === 0) return;
    stepRef.current?.querySelector<HTMLInputElement>('input[aria-invalid="true"]')?.focus();
  }, [refusals]);

  /** The typed addresses (those that look valid, unless `all`), and whose each entry is. */
  const typedEmails = (all: boolean) =>
    asked
      .map((p) => ({ personId: p.personId, email: (emails[p.personId] ?? "").trim() }))
      .filter((e) => e.email !== "" && (all || isEmail(e.email)));
  const body = (list: Array<{ personId: string; email: string }>): BulkInvitationBody =>
    bulkBody(fileIds, draft, sharedEmails, list);

  const askFor = (next: BulkInvitationPlan) =>
    setAsked((current) => {
      const known = new Set(current.map((p) => p.personId));
      const added = next.missingEmail.filter((p) => !known.has(p.personId));
      return [...current, ...added.slice(0, Math.max(0, ASK_MAX - current.length))];
    });

  const continueFromOptions = async () => {
    setAlert(undefined);
    if (draft.documents === "categories" && draft.categoryIds.length === 0) {
      setCategoriesError(t("clients.bulkInvite.chooseCategory"));
      return;
    }
    setCategoriesError(undefined);
    setBusy(true);
    try {
      const next = await planBulkInvitation(body(typedEmails(false)));
      setPlan(next);
      askFor(next);
      setStep("check");
    } catch (error) {
      setAlert(failureText(error));
    } finally {
      setBusy(false);
    }
  };

  const continueFromCheck = async () => {
    setAlert(undefined);
    setNotice(undefined);
    const list = typedEmails(true);
    const refused: Record<string, string> = {};
    for (const e of list) if (!isEmail(e.email)) refused[e.personId] = t("validation.email");
    setEmailErrors(refused);
    if (Object.keys(refused).length > 0) {
      setRefusals((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      const next = await planBulkInvitation(body(list));
      const before = new Set(plan?.sharedEmails.map((g) => g.email));
      const newShared = next.sharedEmails.some((g) => !before.has(g.email));
      setPlan(next);
      askFor(next);
      // An address just typed may be one another person uses too: that question comes first.
      if (newShared) setNotice(t("clients.bulkInvite.newSharedEmail"));
      else setStep("send");
    } catch (error) {
      const onFields: Record<string, string> = {};
      if (error instanceof ApiError)
        for (const f of error.fieldErrors) {
          const index = emailField.exec(f.field)?.[1];
          const person = index === undefined ? undefined : list[Number(index)];
          if (person) onFields[person.personId] = f.message;
        }
      if (Object.keys(onFields).length > 0) {
        setEmailErrors(onFields);
        setRefusals((n) => n + 1);
      } else setAlert(failureText(error));
    } finally {
      setBusy(false);
    }
  };

  const send = async () => {
    setAlert(undefined);
    setBusy(true);
    try {
      setRun(await startBulkInvitation(body(typedEmails(false))));
    } catch (error) {
      setAlert(failureText(error));
    } finally {
      setBusy(false);
    }
  };

  const go = (to: BulkStep) => {
    setAlert(undefined);
    setNotice(undefined);
    setStep(to);
  };

  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-col gap-2">
        <Stepper current={step} />
        <p className="text-sm text-slate-700">
          {t("clients.bulkInvite.selected", { count: fileIds.length })}
        </p>
      </div>
      <section
        ref={stepRef}
        tabIndex={-1}
        aria-label={run ? t("clients.bulkInvite.run.label") : t(`clients.bulkInvite.step.${step}`)}
        className="outline-none"
      >
        {run ? (
          <RunProgress run={run} onClose={onClose} />
        ) : step === "options" || !plan ? (
          <OptionsStep
            draft={draft}
            onChange={setDraft}
            categories={categories}
            recommendedIds={recommended}
            profiles={profiles.data}
            categoriesError={categoriesError}
            alert={alert}
            busy={busy}
            onCancel={onClose}
            onContinue={() => void continueFromOptions()}
          />
        ) : step === "check" ? (
          <CheckStep
            plan={plan}
            asked={asked}
            emails={emails}
            emailErrors={emailErrors}
            onEmail={(personId, email) => {
              setEmails((current) => ({ ...current, [personId]: email }));
              // The refusal was about the old text; the next "Continue" checks the new one.
              if (emailErrors[personId]) setEmailErrors(({ [personId]: _, ...rest }) => rest);
            }}
            sharedEmails={sharedEmails}
            onSharedEmails={setSharedEmails}
            alert={alert}
            notice={notice}
            busy={busy}
            onBack={() => go("options")}
            onClose={onClose}
            onContinue={() => void continueFromCheck()}
          />
        ) : (
          <SendStep
            plan={plan}
            draft={draft}
            categories={categories}
            sharedEmails={sharedEmails}
            alert={alert}
            busy={busy}
            onBack={() => go("check")}
            onSend={() => void send()}
          />
        )}
      </section>
    </div>
  );
}
