import { Heading, Text } from "@react-email/components";
import type { EmailProps, EmailTemplate } from "../render.js";
import { CallToAction, EmailLayout, heading, paragraph } from "./layout.js";
import { PersonalMessage } from "./personal-message.js";

/**
 * What the access-granted mail needs: the notice that replaces an invitation when the person already
 * has a portal account (INV-1). No registration link and never a credential.
 */
export interface AccessGrantedProps {
  firmName: string;
  /** Name of the staff member who shared (the mail is sent in their name). */
  inviterName: string;
  /** Optional personal words the staff member wrote (line breaks kept as paragraphs); null = none. */
  personalMessage: string | null;
  /** The portal's sign-in address. */
  portalUrl: string;
}

declare module "../render.js" {
  interface EmailTemplates {
    "access-granted": AccessGrantedProps;
  }
}

/** Tells an account holder that they now have access to more: who shared, how to sign in, whom to ask. */
export function AccessGrantedEmail({
  t,
  recipient,
  branding,
  props,
  subject,
}: EmailProps<AccessGrantedProps>) {
  const values = { firmName: props.firmName, inviterName: props.inviterName };
  return (
    <EmailLayout
      language={recipient.language}
      subject={subject}
      preview={t("access-granted.preview", values)}
      reason={t("access-granted.reason", values)}
      t={t}
      branding={branding}
    >
      <Heading as="h1" style={heading}>
        {t("access-granted.greeting", { name: recipient.name })}
      </Heading>
      <Text style={paragraph}>{t("access-granted.granted", values)}</Text>
      <PersonalMessage
        intro={t("access-granted.personalIntro", values)}
        message={props.personalMessage}
        branding={branding}
      />
      <Text style={paragraph}>{t("access-granted.signIn")}</Text>
      <CallToAction href={props.portalUrl} label={t("access-granted.openPortal")} t={t} branding={branding} />
      <Text style={paragraph}>{t("access-granted.noPassword")}</Text>
      <Text style={paragraph}>{t("access-granted.questions", values)}</Text>
    </EmailLayout>
  );
}

/** The access-granted template: its subject and its body. */
export const accessGranted: EmailTemplate<AccessGrantedProps> = {
  subject: ({ t, props }) => t("access-granted.subject", { firmName: props.firmName }),
  Component: AccessGrantedEmail,
};
