import { Heading, Text } from "@react-email/components";
import type { EmailProps, EmailTemplate } from "../render.js";
import { formatInstant } from "./format.js";
import { CallToAction, EmailLayout, heading, paragraph } from "./layout.js";

/** One change of a grantee's rights, as the mail words it (GRANT-7: grantees are told). */
export type AccessChange =
  | { kind: "access"; to: "read" | "read_write" }
  | { kind: "locked" }
  | { kind: "unlocked" }
  | { kind: "revoked" }
  | { kind: "reinstated" }
  /** A new end date (ISO instant), or none any more. */
  | { kind: "expiry"; to: string | null }
  /** The grant itself was deleted, or no longer reaches the person's file. */
  | { kind: "ended" };

/** What the access-changed mail needs: never a credential, only what changed and where to look. */
export interface AccessChangedProps {
  firmName: string;
  grantName: string;
  changes: AccessChange[];
  /** The portal's address, or null when the person can no longer open anything there. */
  portalUrl: string | null;
}

declare module "../render.js" {
  interface EmailTemplates {
    "access-changed": AccessChangedProps;
  }
}

/** One sentence per change, in the recipient's language and salutation. */
function sentence(
  { t, recipient }: Pick<EmailProps<AccessChangedProps>, "t" | "recipient">,
  change: AccessChange,
) {
  switch (change.kind) {
    case "access":
      return t(change.to === "read" ? "access-changed.changes.readOnly" : "access-changed.changes.readWrite");
    case "expiry":
      return change.to
        ? t("access-changed.changes.expires", { date: formatInstant(change.to, recipient.language) })
        : t("access-changed.changes.noExpiry");
    default:
      return t(`access-changed.changes.${change.kind}`);
  }
}

/** Tells a grantee with an account that their access changed: which grant, what changed, whom to ask. */
export function AccessChangedEmail({
  t,
  recipient,
  branding,
  props,
  subject,
}: EmailProps<AccessChangedProps>) {
  const values = { firmName: props.firmName, grantName: props.grantName };
  return (
    <EmailLayout
      language={recipient.language}
      subject={subject}
      preview={t("access-changed.preview", values)}
      reason={t("access-changed.reason", values)}
      t={t}
      branding={branding}
    >
      <Heading as="h1" style={heading}>
        {t("access-changed.greeting", { name: recipient.name })}
      </Heading>
      <Text style={paragraph}>{t("access-changed.intro", values)}</Text>
      {props.changes.map((change) => (
        <Text key={change.kind} style={paragraph}>
          {`– ${sentence({ t, recipient }, change)}`}
        </Text>
      ))}
      {props.portalUrl ? (
        <CallToAction
          href={props.portalUrl}
          label={t("access-changed.openPortal")}
          t={t}
          branding={branding}
        />
      ) : null}
      <Text style={paragraph}>{t("access-changed.questions", values)}</Text>
      <Text style={paragraph}>{t("access-changed.noPassword")}</Text>
    </EmailLayout>
  );
}

/** The access-changed template: its subject and its body. */
export const accessChanged: EmailTemplate<AccessChangedProps> = {
  subject: ({ t, props }) => t("access-changed.subject", { firmName: props.firmName }),
  Component: AccessChangedEmail,
};
