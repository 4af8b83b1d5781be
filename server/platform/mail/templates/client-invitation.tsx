import { Heading, Text } from "@react-email/components";
import type { MessageKey } from "../messages/index.js";
import type { EmailProps, EmailTemplate } from "../render.js";
import { formatInstant } from "./format.js";
import { CallToAction, EmailLayout, heading, paragraph } from "./layout.js";
import { PersonalMessage } from "./personal-message.js";

/** What the client-invitation mail needs (INV-1, INV-4): never a credential, only the single-use link. */
export interface ClientInvitationProps {
  firmName: string;
  /** Name of the staff member who invited (the mail is sent in their name). */
  inviterName: string;
  /** 0 = the invitation itself; 1 = first reminder; 2 or more = a later reminder. */
  reminder: number;
  /** Optional personal words the staff member wrote (may contain line breaks, keep them as paragraphs); null = none. */
  personalMessage: string | null;
  /** The single-use registration link (contains a placeholder for the token; render it as given). */
  acceptUrl: string;
  /** ISO instant after which the link no longer works. */
  expiresAt: string;
}

declare module "../render.js" {
  interface EmailTemplates {
    "client-invitation": ClientInvitationProps;
  }
}

/** The subject of the invitation, of the first reminder, or of any later one (the firm sets how many). */
function subjectKey(reminder: number): MessageKey {
  if (reminder >= 2) return "client-invitation.subject.laterReminder";
  if (reminder >= 1) return "client-invitation.subject.firstReminder";
  return "client-invitation.subject.invitation";
}

// What registering asks for, in order; shown as numbered steps before the button.
const steps = [
  "client-invitation.steps.name",
  "client-invitation.steps.password",
] as const satisfies readonly MessageKey[];

/**
 * Invites a client, family member or outside professional to the firm's client portal, and reminds
 * them while the invitation is open: who invites, what the portal is for, the inviter's own words,
 * the steps of registering, the single-use link and until when it works.
 */
export function ClientInvitationEmail({
  t,
  recipient,
  branding,
  props,
  subject,
}: EmailProps<ClientInvitationProps>) {
  const isReminder = props.reminder >= 1;
  const values = {
    firmName: props.firmName,
    inviterName: props.inviterName,
    expiresAt: formatInstant(props.expiresAt, recipient.language),
  };
  return (
    <EmailLayout
      language={recipient.language}
      subject={subject}
      preview={t(
        isReminder ? "client-invitation.preview.reminder" : "client-invitation.preview.invitation",
        values,
      )}
      reason={t("client-invitation.reason", values)}
      t={t}
      branding={branding}
    >
      <Heading as="h1" style={heading}>
        {t("client-invitation.greeting", { name: recipient.name })}
      </Heading>
      {isReminder ? <Text style={paragraph}>{t("client-invitation.stillOpen")}</Text> : null}
      <Text style={paragraph}>{t("client-invitation.invited", values)}</Text>
      <Text style={paragraph}>{t("client-invitation.purpose", values)}</Text>
      <PersonalMessage
        intro={t("client-invitation.personalIntro", values)}
        message={props.personalMessage}
        branding={branding}
      />
      <Text style={paragraph}>{t("client-invitation.howTo")}</Text>
      {steps.map((key, index) => (
        <Text key={key} style={{ ...paragraph, margin: "0 0 8px", paddingLeft: "8px" }}>
          {`${index + 1}. ${t(key)}`}
        </Text>
      ))}
      <CallToAction href={props.acceptUrl} label={t("client-invitation.accept")} t={t} branding={branding} />
      <Text style={paragraph}>{t("client-invitation.expires", values)}</Text>
      <Text style={paragraph}>{t("client-invitation.onceOnly")}</Text>
      <Text style={paragraph}>{t("client-invitation.noPassword")}</Text>
      <Text style={paragraph}>{t("client-invitation.notExpected", values)}</Text>
    </EmailLayout>
  );
}

/** The client-invitation template, also used for its reminders: its subject and its body. */
export const clientInvitation: EmailTemplate<ClientInvitationProps> = {
  subject: ({ t, props }) => t(subjectKey(props.reminder), { firmName: props.firmName }),
  Component: ClientInvitationEmail,
};
