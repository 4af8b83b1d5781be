import { Heading, Text } from "@react-email/components";
import type { EmailProps, EmailTemplate } from "../render.js";
import { formatInstant } from "./format.js";
import { CallToAction, EmailLayout, heading, paragraph } from "./layout.js";

/** What the password-reset mail needs (PORTAL-1): the single-use link and until when it works. */
export interface PasswordResetProps {
  /** The single-use reset link (render it as given). */
  resetUrl: string;
  /** ISO instant after which the link no longer works. */
  expiresAt: string;
  /** The firm whose portal the request came from; names the portal and brands the mail. */
  firmName: string;
}

declare module "../render.js" {
  interface EmailTemplates {
    "password-reset": PasswordResetProps;
  }
}

/**
 * Sent when someone asks to reset the password of a portal account: the link, until when it works,
 * that the second factor is still asked afterwards, and that nothing changes if it was not them.
 */
export function PasswordResetEmail({
  t,
  recipient,
  branding,
  props,
  subject,
}: EmailProps<PasswordResetProps>) {
  const values = { firmName: props.firmName, expiresAt: formatInstant(props.expiresAt, recipient.language) };
  return (
    <EmailLayout
      language={recipient.language}
      subject={subject}
      preview={t("password-reset.preview", values)}
      reason={t("password-reset.reason", values)}
      t={t}
      branding={branding}
    >
      <Heading as="h1" style={heading}>
        {t("password-reset.greeting", { name: recipient.name })}
      </Heading>
      <Text style={paragraph}>{t("password-reset.requested", values)}</Text>
      <Text style={paragraph}>{t("password-reset.howTo")}</Text>
      <CallToAction href={props.resetUrl} label={t("password-reset.choose")} t={t} branding={branding} />
      <Text style={paragraph}>{t("password-reset.expires", values)}</Text>
      <Text style={paragraph}>{t("password-reset.secondFactor")}</Text>
      <Text style={paragraph}>{t("password-reset.notYou")}</Text>
      <Text style={paragraph}>{t("password-reset.noPassword")}</Text>
    </EmailLayout>
  );
}

/** The password-reset template: its subject and its body. */
export const passwordReset: EmailTemplate<PasswordResetProps> = {
  subject: ({ t, props }) => t("password-reset.subject", { firmName: props.firmName }),
  Component: PasswordResetEmail,
};
