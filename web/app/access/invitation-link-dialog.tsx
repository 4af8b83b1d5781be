import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Grantee } from "../../../contracts/grants";
import type { InvitationLink } from "../../../contracts/invitations";
import { Alert } from "../../ui/alert";
import { errorMessage } from "../../ui/api";
import { Button } from "../../ui/button";
import { Loading } from "../../ui/loading";
import { Modal } from "../../ui/modal";
import { TextField } from "../../ui/text-field";
import { type InvitationOptions, InvitationOptionsFields, useInvitationDefaults } from "./invitation-options";
import { useDayFormat } from "./invitation-status";
import { useInvitationMutations } from "./invitations-api";

/**
 * "Copy invitation link" (INV-2, seed 001): says first that a new link voids the older ones (and a
 * pending email invitation), lets staff pick the page's language and salutation, then makes the link
 * and shows it this once in a read-only field with a copy button.
 */
export function InvitationLinkDialog({
  grantee,
  open,
  onClose,
}: {
  grantee: Grantee;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal open={open} title={t("access.invitation.linkTitle", { name: grantee.name })} onClose={onClose}>
      <LinkBody grantee={grantee} onClose={onClose} />
    </Modal>
  );
}

function LinkBody({ grantee, onClose }: { grantee: Grantee; onClose: () => void }) {
  const defaults = useInvitationDefaults(grantee);
  if (!defaults) return <Loading className="py-8" />;
  return <LinkForm grantee={grantee} defaults={defaults} onClose={onClose} />;
}

function LinkForm({
  grantee,
  defaults,
  onClose,
}: {
  grantee: Grantee;
  defaults: InvitationOptions;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { link } = useInvitationMutations();
  const [options, setOptions] = useState(defaults);
  const [made, setMade] = useState<InvitationLink>();
  const [alert, setAlert] = useState<string>();

  const create = async () => {
    setAlert(undefined);
    try {
      setMade(await link.mutateAsync({ grantee, body: options }));
    } catch (error) {
      setAlert(errorMessage(error));
    }
  };

  if (made) return <MadeLink made={made} onClose={onClose} />;
  return (
    <div className="flex flex-col gap-5">
      {alert ? <Alert>{alert}</Alert> : null}
      <p className="text-sm text-slate-700">{t("access.invitation.linkIntro")}</p>
      <Alert tone="info">{t("access.invitation.linkVoidsOlder")}</Alert>
      <InvitationOptionsFields value={options} onChange={setOptions} disabled={link.isPending} />
      <p className="text-sm text-slate-600">{t("access.invitation.linkOptionsHint")}</p>
      <div className="flex flex-col-reverse gap-3 border-t border-slate-200 pt-4 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={onClose}>
          {t("access.common.cancel")}
        </Button>
        <Button busy={link.isPending} onClick={() => void create()}>
          {link.isPending ? t("access.invitation.linkCreating") : t("access.invitation.linkCreate")}
        </Button>
      </div>
    </div>
  );
}

/** The new link, shown this once: a read-only field, "Copy link", and what to know about it. */
function MadeLink({ made, onClose }: { made: InvitationLink; onClose: () => void }) {
  const { t } = useTranslation();
  const day = useDayFormat();
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<"yes" | "no">();

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(made.url);
      setCopied("yes");
    } catch {
      // No clipboard (an insecure origin, a refused permission): select it for Ctrl+C instead.
      field.current?.select();
      setCopied("no");
    }
  };

  return (
    <div className="flex flex-col gap-5">
      <Alert tone="success">{t("access.invitation.linkMade")}</Alert>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <TextField
          ref={field}
          className="min-w-0 flex-1"
          label={t("access.invitation.linkField")}
          value={made.url}
          readOnly
          onFocus={(event) => event.currentTarget.select()}
        />
        <Button onClick={() => void copy()}>{t("access.invitation.linkCopy")}</Button>
      </div>
      <p role="status" className="min-h-5 text-sm text-slate-700">
        {copied === "yes" ? t("access.invitation.linkCopied") : null}
        {copied === "no" ? t("access.invitation.linkCopyManually") : null}
      </p>
      <ul className="list-disc pl-5 text-sm text-slate-700">
        <li>{t("access.invitation.linkShownOnce")}</li>
        <li>{t("access.invitation.linkOlderStop")}</li>
        <li>{t("access.invitation.linkValidUntil", { date: day(made.invitation.expiresAt) })}</li>
      </ul>
      <div className="flex justify-end border-t border-slate-200 pt-4">
        <Button variant="secondary" onClick={onClose}>
          {t("access.invitation.done")}
        </Button>
      </div>
    </div>
  );
}
