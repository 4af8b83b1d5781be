import { Heading, Text } from "@react-email/components";
import type { EmailProps, EmailTemplate, EmailTemplates } from "../render.js";
import { CallToAction, EmailLayout, heading, paragraph } from "./layout.js";

type WelcomeAdminProps = EmailTemplates["welcome-admin"];

/** Sent to the first administrator once a firm is set up: where to sign in, and that no password comes by mail. */
export function WelcomeAdminEmail({ t, recipient, branding, props, subject }: EmailProps<WelcomeAdminProps>) {
  const firm = { firmName: props.firmName };
  return (
    <EmailLayout
      language={recipient.language}
      subject={subject}
      preview={t("welcome-admin.preview", firm)}
      reason={t("welcome-admin.reason", firm)}
      t={t}
      branding={branding}
    >
      <Heading as="h1" style={heading}>
        {t("welcome-admin.greeting", { name: recipient.name })}
      </Heading>
      <Text style={paragraph}>{t("welcome-admin.ready", firm)}</Text>
      <Text style={paragraph}>{t("welcome-admin.nextSteps")}</Text>
      <CallToAction href={props.loginUrl} label={t("welcome-admin.signIn")} t={t} branding={branding} />
      <Text style={paragraph}>{t("welcome-admin.noPassword")}</Text>
    </EmailLayout>
  );
}

/** The welcome-admin template: its subject and its body. */
export const welcomeAdmin: EmailTemplate<WelcomeAdminProps> = {
  subject: ({ t, props }) => t("welcome-admin.subject", { firmName: props.firmName }),
  Component: WelcomeAdminEmail,
};
