import { Heading, Text } from "@react-email/components";
import type { EmailProps, EmailTemplate, EmailTemplates } from "../render.js";
import { formatInstant } from "./format.js";
import { CallToAction, EmailLayout, heading, paragraph } from "./layout.js";

type StaffInvitationProps = EmailTemplates["staff-invitation"];

/** Invites a person to a firm's staff: who invites, which role, the single-use link and until when it works. */
export function StaffInvitationEmail({
  t,
  recipient,
  branding,
  props,
  subject,
}: EmailProps<StaffInvitationProps>) {
  const values = {
    firmName: props.firmName,
    inviterName: props.inviterName,
    role: t(`staff-invitation.roles.${props.role}`),
    expiresAt: formatInstant(props.expiresAt, recipient.language),
  };
  return (
    <EmailLayout
      language={recipient.language}
      subject={subject}
      preview={t("staff-invitation.preview", values)}
      reason={t("staff-invitation.reason", values)}
      t={t}
      branding={branding}
    >
      <Heading as="h1" style={heading}>
        {t("staff-invitation.greeting", { name: recipient.name })}
      </Heading>
      <Text style={paragraph}>{t("staff-invitation.invited", values)}</Text>
      <Text style={paragraph}>{t("staff-invitation.howTo")}</Text>
      <CallToAction href={props.acceptUrl} label={t("staff-invitation.accept")} t={t} branding={branding} />
      <Text style={paragraph}>{t("staff-invitation.expires", values)}</Text>
      <Text style={paragraph}>{t("staff-invitation.noPassword")}</Text>
      <Text style={paragraph}>{t("staff-invitation.notExpected", values)}</Text>
    </EmailLayout>
  );
}

/** The staff-invitation template: its subject and its body. */
export const staffInvitation: EmailTemplate<StaffInvitationProps> = {
  subject: ({ t, props }) =>
    t("staff-invitation.subject", { firmName: props.firmName, inviterName: props.inviterName }),
  Component: StaffInvitationEmail,
};
