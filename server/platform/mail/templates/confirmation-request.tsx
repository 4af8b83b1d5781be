import { Heading, Section, Text } from "@react-email/components";
import type { MessageKey, Translate } from "../messages/index.js";
import type { EmailProps, EmailTemplate } from "../render.js";
import { palette } from "./colors.js";
import { formatDay } from "./format.js";
import { CallToAction, EmailLayout, heading, paragraph } from "./layout.js";
import { messageLines } from "./personal-message.js";

/** What the confirmation-request mail needs (PORTAL-5, seed 000): the document, never the document itself. */
export interface ConfirmationRequestProps {
  firmName: string;
  /** The staff member who asks (the mail is sent in their name). */
  requesterName: string;
  documentTitle: string;
  version: number;
  /** ISO instant the version was uploaded; null when unknown. */
  versionDate: string | null;
  /** Where the portal shows the document and its confirm button. */
  portalUrl: string;
  /** 0 = the request itself; 1 or more = a reminder. */
  reminder: number;
  /** A request for a new version after an earlier confirmation (request) was superseded. */
  renewal: boolean;
  /** The staff member's own subject and text for the request (not for reminders); null = the standard. */
  subject: string | null;
  message: string | null;
}

declare module "../render.js" {
  interface EmailTemplates {
    "confirmation-request": ConfirmationRequestProps;
  }
}

type Values = Readonly<Record<string, string>>;

function valuesOf(props: ConfirmationRequestProps): Values {
  return {
    firmName: props.firmName,
    requesterName: props.requesterName,
    documentTitle: props.documentTitle,
  };
}

/** The standard subject and text of a request, in the recipient's language and salutation: what staff edit. */
export function standardConfirmationTexts(
  t: Translate,
  props: Pick<ConfirmationRequestProps, "firmName" | "requesterName" | "documentTitle" | "renewal">,
): { subject: string; message: string } {
  const values = {
    firmName: props.firmName,
    requesterName: props.requesterName,
    documentTitle: props.documentTitle,
  };
  const kind = props.renewal ? "renewal" : "request";
  return {
    subject: t(`confirmation-request.subject.${kind}` as MessageKey, values),
    message: t(`confirmation-request.message.${kind}` as MessageKey, values),
  };
}

const documentBox = {
  backgroundColor: palette.page,
  borderRadius: "6px",
  padding: "12px 16px",
  margin: "0 0 24px",
};

/**
 * Asks a client to confirm in the portal that they received and read a document, and reminds them
 * while the request is open: the staff member's text (or the standard one), the document with its
 * version, the way into the portal, and what confirming records.
 */
export function ConfirmationRequestEmail({
  t,
  recipient,
  branding,
  props,
  subject,
}: EmailProps<ConfirmationRequestProps>) {
  const values = valuesOf(props);
  const isReminder = props.reminder >= 1;
  const standard = standardConfirmationTexts(t, props);
  const own = isReminder ? null : props.message;
  const lines = messageLines(own ?? standard.message);
  return (
    <EmailLayout
      language={recipient.language}
      subject={subject}
      preview={t("confirmation-request.preview", values)}
      reason={t("confirmation-request.reason", values)}
      t={t}
      branding={branding}
    >
      <Heading as="h1" style={heading}>
        {t("confirmation-request.greeting", { name: recipient.name })}
      </Heading>
      {isReminder ? <Text style={paragraph}>{t("confirmation-request.stillOpen", values)}</Text> : null}
      {lines.map((line) => (
        <Text key={line.key} style={paragraph}>
          {line.text}
        </Text>
      ))}
      <Section style={{ ...documentBox, borderLeft: `4px solid ${branding.primaryColor}` }}>
        <Text style={{ ...paragraph, fontSize: "13px", margin: "0 0 4px", color: palette.muted }}>
          {t("confirmation-request.documentLabel")}
        </Text>
        <Text style={{ ...paragraph, fontWeight: 700, margin: "0 0 4px" }}>{props.documentTitle}</Text>
        <Text style={{ ...paragraph, margin: 0 }}>
          {props.versionDate
            ? t("confirmation-request.versionLine", {
                version: String(props.version),
                date: formatDay(props.versionDate, recipient.language),
              })
            : t("confirmation-request.versionOnly", { version: String(props.version) })}
        </Text>
      </Section>
      <Text style={paragraph}>{t("confirmation-request.howTo")}</Text>
      <CallToAction href={props.portalUrl} label={t("confirmation-request.open")} t={t} branding={branding} />
      <Text style={paragraph}>{t("confirmation-request.recorded")}</Text>
      <Text style={paragraph}>{t("confirmation-request.noPassword")}</Text>
      <Text style={paragraph}>{t("confirmation-request.questions", values)}</Text>
    </EmailLayout>
  );
}

/** The confirmation-request template, also used for its reminders. */
export const confirmationRequest: EmailTemplate<ConfirmationRequestProps> = {
  subject: ({ t, props }) => {
    if (props.reminder >= 1) return t("confirmation-request.subject.reminder", valuesOf(props));
    return props.subject ?? standardConfirmationTexts(t, props).subject;
  },
  Component: ConfirmationRequestEmail,
};
