import { useTranslation } from "react-i18next";
import type { Invitation } from "../../../contracts/invitations";

/** Formats an instant as a calendar day for people ("3 Mar 2026"), in the UI language. */
export function useDayFormat() {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: "medium" });
  return (at: string) => format.format(new Date(at));
}

// Seed 001: T-Online (Deutsche Telekom's mail, also under magenta.de) often blocks invitation mails.
const blockingProviders = ["t-online.de", "magenta.de"];

/** Whether the address is at a provider known to block invitation mails (INV-6 hint). */
export function isAtBlockingProvider(email: string | null | undefined): boolean {
  const domain = email?.trim().toLowerCase().split("@").at(-1);
  return domain !== undefined && blockingProviders.includes(domain);
}

// A resend renews the mail but keeps the invitation's creation time; a gap this long means "sent again".
const resentAfterMs = 60_000;

/**
 * Where a grantee's invitation stands, in plain words: "Not invited yet"; "Invited on 3 Mar by Jana
 * Keller · reminder 1 of 2 sent · next reminder on 10 Mar · link valid until 2 Apr"; a link to send
 * personally; stopped reminders; expired; withdrawn. Below it, the delivery of the last mail when it is
 * not simply delivered (INV-6): on its way, deferred and retried, refused for good with the SMTP
 * answer, or returned as undeliverable (bounced) with its reason in plain words — with a hint for providers known to block such mails. `reminderTotal` is the firm's number
 * of reminders, if known.
 */
export function InvitationStatus({
  invitation,
  reminderTotal,
}: {
  invitation: Invitation | undefined;
  reminderTotal: number | undefined;
}) {
  const { t } = useTranslation();
  const day = useDayFormat();

  if (!invitation || invitation.status === "replaced")
    return <StatusLine>{t("access.invitation.notInvited")}</StatusLine>;
  if (invitation.status === "withdrawn") return <StatusLine>{t("access.invitation.withdrawn")}</StatusLine>;
  if (invitation.status === "accepted")
    return (
      <>
        <StatusLine>
          {invitation.channel === "notice"
            ? t("access.invitation.notified", { date: day(invitation.createdAt) })
            : t("access.invitation.joined", { date: day(invitation.acceptedAt ?? invitation.createdAt) })}
        </StatusLine>
        <MailDelivery invitation={invitation} />
      </>
    );

  const by = invitation.invitedByName;
  const created = day(invitation.createdAt);
  const segments: string[] = [];
  if (invitation.channel === "link") {
    segments.push(
      by
        ? t("access.invitation.linkCreatedBy", { date: created, name: by })
        : t("access.invitation.linkCreated", { date: created }),
    );
  } else {
    segments.push(
      by
        ? t("access.invitation.invitedBy", { date: created, name: by })
        : t("access.invitation.invited", { date: created }),
    );
    const mail = invitation.lastMail;
    if (
      mail?.reminder === 0 &&
      new Date(mail.queuedAt).getTime() - new Date(invitation.createdAt).getTime() > resentAfterMs
    )
      segments.push(t("access.invitation.sentAgain", { date: day(mail.queuedAt) }));
  }
  if (invitation.status === "expired") {
    segments.push(t("access.invitation.expired", { date: day(invitation.expiresAt) }));
  } else {
    if (invitation.remindersSent > 0)
      segments.push(
        reminderTotal && reminderTotal >= invitation.remindersSent
          ? t("access.invitation.remindersOf", { n: invitation.remindersSent, total: reminderTotal })
          : t("access.invitation.reminders", { count: invitation.remindersSent }),
      );
    if (invitation.remindersStoppedAt)
      segments.push(t("access.invitation.remindersStopped", { date: day(invitation.remindersStoppedAt) }));
    else if (invitation.nextReminderAt)
      segments.push(t("access.invitation.nextReminder", { date: day(invitation.nextReminderAt) }));
    segments.push(t("access.invitation.validUntil", { date: day(invitation.expiresAt) }));
  }
  return (
    <>
      <StatusLine>{segments.join(" · ")}</StatusLine>
      <MailDelivery invitation={invitation} />
    </>
  );
}

function StatusLine({ children }: { children: string }) {
  return (
    <p data-testid="invitation-status" className="text-sm text-slate-700">
      {children}
    </p>
  );
}

/** The last mail's delivery when it needs attention: on its way, deferred (retried), failed or bounced. */
function MailDelivery({ invitation }: { invitation: Invitation }) {
  const { t } = useTranslation();
  const mail = invitation.lastMail;
  if (!mail || mail.status === "sent") return null;
  if (mail.status === "queued" || mail.status === "deferred") {
    // Deferred: the receiving server refused for now; the mail is retried on its own.
    const retrying = mail.status === "deferred" || mail.attempts > 0;
    return (
      <p data-testid="invitation-mail-pending" className="text-sm break-words text-slate-600">
        {retrying
          ? t("access.invitation.mailRetrying", { count: Math.max(mail.attempts, 1) })
          : t("access.invitation.mailQueued")}
        {retrying && mail.smtpResponse
          ? ` ${t("access.invitation.lastAnswer", { answer: mail.smtpResponse })}`
          : ""}
      </p>
    );
  }
  // The reason in plain words first; the server's own answer below it for whoever fixes it.
  const reason = t(`access.invitation.problem.${mail.problem ?? "unknown"}`);
  return (
    <div
      data-testid="invitation-mail-failed"
      className="flex flex-col gap-1 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900"
    >
      <p
        data-testid={mail.status === "bounced" ? "invitation-mail-bounced" : undefined}
        className="font-medium break-words"
      >
        {mail.status === "bounced"
          ? // Accepted first, then returned by the client's mail system.
            t("access.invitation.mailBounced", { reason })
          : t("access.invitation.mailFailed", { reason })}
      </p>
      {mail.smtpResponse ? (
        <p className="break-words">{t("access.invitation.mailAnswer", { answer: mail.smtpResponse })}</p>
      ) : null}
      <p>
        {isAtBlockingProvider(invitation.email)
          ? t("access.invitation.blockingProviderHint")
          : t("access.invitation.mailFailedHint")}
      </p>
    </div>
  );
}
