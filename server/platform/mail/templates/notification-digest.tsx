import { Heading, Link, Section, Text } from "@react-email/components";
import type { EmailProps, EmailTemplate } from "../render.js";
import { linkColor, palette } from "./colors.js";
import { formatInstant } from "./format.js";
import { CallToAction, EmailLayout, heading, paragraph } from "./layout.js";

/** A topic of a notification, as the digest names it. */
export type DigestTopic =
  | "case_update"
  | "new_document"
  | "invoice"
  | "new_case"
  | "client_message"
  | "client_upload"
  | "document_confirmed";

/** One event of a digest: what, on which file, when, and where to open it. */
export interface DigestItem {
  /** Stable per event (the list's key). */
  id: string;
  topic: DigestTopic;
  title: string;
  /** The file's name (and number for staff); null when the reader reaches a single file anyway. */
  fileLabel: string | null;
  /** ISO instant of the event. */
  at: string;
  url: string;
}

/** What the notification digest needs (CASE-2): the events since the last digest, in order. */
export interface NotificationDigestProps {
  firmName: string;
  /** A client in the portal, or a staff member in the back office. */
  audience: "portal" | "staff";
  items: DigestItem[];
  /** The portal or the back office, for the main button. */
  openUrl: string;
}

declare module "../render.js" {
  interface EmailTemplates {
    "notification-digest": NotificationDigestProps;
  }
}

const styles = {
  item: { borderTop: `1px solid ${palette.rule}`, padding: "12px 0" },
  topic: { color: palette.muted, fontSize: "13px", lineHeight: "20px", margin: 0 },
  title: { color: palette.text, fontSize: "16px", lineHeight: "24px", fontWeight: 600, margin: "2px 0" },
  meta: { color: palette.muted, fontSize: "14px", lineHeight: "20px", margin: 0 },
} as const;

/** Lists each event of the digest with a link to it, then one button into the portal or the back office. */
export function NotificationDigestEmail({
  t,
  recipient,
  branding,
  props,
  subject,
}: EmailProps<NotificationDigestProps>) {
  const values = { firmName: props.firmName };
  const staff = props.audience === "staff";
  return (
    <EmailLayout
      language={recipient.language}
      subject={subject}
      preview={t("notification-digest.preview")}
      reason={t(staff ? "notification-digest.staffReason" : "notification-digest.reason", values)}
      t={t}
      branding={branding}
    >
      <Heading as="h1" style={heading}>
        {t("notification-digest.greeting", { name: recipient.name })}
      </Heading>
      <Text style={paragraph}>
        {t(staff ? "notification-digest.staffIntro" : "notification-digest.intro", values)}
      </Text>
      <Section style={{ margin: "0 0 16px" }}>
        {props.items.map((item) => (
          <Section key={item.id} style={styles.item}>
            <Text style={styles.topic}>{t(`notification-digest.topic.${item.topic}`)}</Text>
            <Text style={styles.title}>{item.title}</Text>
            <Text style={styles.meta}>
              {item.fileLabel ? `${t("notification-digest.inFile", { file: item.fileLabel })} · ` : ""}
              {formatInstant(item.at, recipient.language)} ·{" "}
              <Link href={item.url} style={{ color: linkColor(branding.primaryColor) }}>
                {t("notification-digest.open")}
              </Link>
            </Text>
          </Section>
        ))}
      </Section>
      <CallToAction
        href={props.openUrl}
        label={t(staff ? "notification-digest.openBackOffice" : "notification-digest.openPortal")}
        t={t}
        branding={branding}
      />
      {staff ? null : <Text style={paragraph}>{t("notification-digest.noPassword")}</Text>}
      <Text style={paragraph}>{t("notification-digest.settings")}</Text>
    </EmailLayout>
  );
}

/** The notification digest template: its subject and its body. */
export const notificationDigest: EmailTemplate<NotificationDigestProps> = {
  subject: ({ t, props }) => {
    const count = String(props.items.length);
    const one = props.items.length === 1;
    const key =
      props.audience === "staff"
        ? one
          ? "notification-digest.subject.staffOne"
          : "notification-digest.subject.staffMany"
        : one
          ? "notification-digest.subject.one"
          : "notification-digest.subject.many";
    return t(key, { firmName: props.firmName, count });
  },
  Component: NotificationDigestEmail,
};
