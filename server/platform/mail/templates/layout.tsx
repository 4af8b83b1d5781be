import {
  Body,
  Button,
  Container,
  Head,
  Hr,
  Html,
  Img,
  Link,
  Preview,
  Section,
  Text,
} from "@react-email/components";
import type { CSSProperties, ReactNode } from "react";
import type { Language } from "../../../../contracts/common.js";
import type { Translate } from "../messages/index.js";
import type { ResolvedBranding } from "./branding.js";
import { linkColor, palette, readableTextOn } from "./colors.js";

const fontFamily =
  '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/** Shared paragraph style, so every template reads the same. */
export const paragraph: CSSProperties = {
  color: palette.text,
  fontSize: "16px",
  lineHeight: "24px",
  margin: "0 0 16px",
};

/** Shared style of the first line of a mail (the greeting). */
export const heading: CSSProperties = {
  color: palette.text,
  fontSize: "22px",
  lineHeight: "30px",
  fontWeight: 700,
  margin: "0 0 16px",
};

const styles = {
  body: { backgroundColor: palette.page, margin: 0, padding: "24px 12px", fontFamily },
  container: {
    backgroundColor: palette.surface,
    width: "100%",
    maxWidth: "600px",
    margin: "0 auto",
    borderRadius: "8px",
    overflow: "hidden",
  },
  header: { padding: "20px 24px", borderBottom: `1px solid ${palette.rule}` },
  logo: { display: "block", maxHeight: "48px", width: "auto", marginBottom: "8px" },
  firmName: { color: palette.text, fontSize: "18px", lineHeight: "24px", fontWeight: 700, margin: 0 },
  content: { padding: "24px" },
  rule: { borderColor: palette.rule, margin: 0 },
  footer: { padding: "16px 24px 24px" },
  footerText: { color: palette.muted, fontSize: "13px", lineHeight: "20px", margin: "0 0 4px" },
  footerNote: { color: palette.muted, fontSize: "13px", lineHeight: "20px", margin: "12px 0 0" },
} satisfies Record<string, CSSProperties>;

/** Props of the frame around every email. */
export interface EmailLayoutProps {
  language: Language;
  subject: string;
  /** The line mail clients show next to the subject in the inbox. */
  preview: string;
  /** Why this person gets this mail; shown in the footer of every email. */
  reason: string;
  t: Translate;
  branding: ResolvedBranding;
  children: ReactNode;
}

/** The frame of every email: firm header, content, footer with the firm and the reason for the mail. */
export function EmailLayout({ language, subject, preview, reason, t, branding, children }: EmailLayoutProps) {
  return (
    <Html lang={language} dir="ltr">
      <Head>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <meta name="supported-color-schemes" content="light" />
        <title>{subject}</title>
      </Head>
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={{ ...styles.container, borderTop: `4px solid ${branding.primaryColor}` }}>
          <Section style={styles.header}>
            {/* The firm name is always real text next to the logo, so alt stays empty and is not read twice. */}
            {branding.logoUrl ? <Img src={branding.logoUrl} alt="" height="48" style={styles.logo} /> : null}
            <Text style={styles.firmName}>{branding.firmName}</Text>
          </Section>
          <Section style={styles.content}>{children}</Section>
          <Hr style={styles.rule} />
          <Section style={styles.footer}>
            <Text style={styles.footerText}>{branding.firmName}</Text>
            {branding.footerLines.map((line) => (
              <Text key={line} style={styles.footerText}>
                {line}
              </Text>
            ))}
            <Text style={styles.footerNote}>{reason}</Text>
            <Text style={styles.footerText}>{t("layout.sentBy", { firmName: branding.firmName })}</Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}

/** Props of the main action of a mail. */
export interface CallToActionProps {
  href: string;
  label: string;
  t: Translate;
  branding: ResolvedBranding;
}

/** The one main action of a mail: a button in the firm's colour, plus the bare link for clients that hide it. */
export function CallToAction({ href, label, t, branding }: CallToActionProps) {
  const background = branding.primaryColor;
  return (
    <Section style={{ margin: "8px 0 24px" }}>
      <Button
        href={href}
        style={{
          backgroundColor: background,
          color: readableTextOn(background),
          fontSize: "16px",
          fontWeight: 600,
          lineHeight: "24px",
          padding: "12px 24px",
          borderRadius: "6px",
          textDecoration: "none",
          display: "inline-block",
        }}
      >
        {label}
      </Button>
      {/* Plain text already shows the button's address, so the fallback line is for HTML only. */}
      <Text style={{ ...paragraph, fontSize: "14px", margin: "16px 0 0" }} data-skip-in-text="true">
        {t("layout.linkFallback")}{" "}
        <Link
          href={href}
          style={{
            color: linkColor(branding.primaryColor),
            textDecoration: "underline",
            wordBreak: "break-all",
          }}
        >
          {href}
        </Link>
      </Text>
    </Section>
  );
}
