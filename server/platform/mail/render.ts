import { render, toPlainText } from "@react-email/render";
import { createElement, type ReactElement } from "react";
import type { Language } from "../../../contracts/common.js";
import { createTranslator, type Salutation, type Translate } from "./messages/index.js";
import { type ResolvedBranding, resolveBranding } from "./templates/branding.js";
import { emailTemplates } from "./templates/registry.js";

export type { Salutation, Translate } from "./messages/index.js";
export type { ResolvedBranding } from "./templates/branding.js";

/** Who an email is for: the name and address, and how to speak to them. */
export interface MailRecipient {
  name: string;
  email: string;
  language: Language;
  salutation: Salutation;
}

/** How the firm presents itself in its emails. */
export interface MailBranding {
  firmName: string;
  /** A hex colour (#rgb or #rrggbb); anything else falls back to the default. */
  primaryColor?: string;
  /** An absolute http(s) address of the logo image. */
  logoUrl?: string;
  /** Extra footer lines, e.g. the firm's address or register number. */
  footerLines?: string[];
}

/** An email ready to send: subject, HTML body and plain-text body. */
export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/** Template name → its props. Extended by later features. */
export interface EmailTemplates {
  "welcome-admin": { firmName: string; loginUrl: string };
  "staff-invitation": {
    firmName: string;
    inviterName: string;
    role: "admin" | "advisor" | "assistant";
    acceptUrl: string;
    /** ISO instant after which the link no longer works. */
    expiresAt: string;
  };
}

/** The name of a registered email template. */
export type EmailTemplateName = keyof EmailTemplates;

/** What a template's subject function receives. */
export interface EmailContext<P> {
  t: Translate;
  recipient: MailRecipient;
  branding: ResolvedBranding;
  props: P;
}

/** What a template's component receives: the context plus the already translated subject. */
export interface EmailProps<P> extends EmailContext<P> {
  subject: string;
}

/** One email template: how to word its subject and how to draw its body. */
export interface EmailTemplate<P> {
  subject(context: EmailContext<P>): string;
  Component(props: EmailProps<P>): ReactElement;
}

// Headings keep their case in plain text; html-to-text would otherwise shout the greeting.
const plainTextOptions = {
  selectors: ["h1", "h2", "h3"].map((selector) => ({ selector, options: { uppercase: false } })),
};

/** Renders one email for one recipient in their language and salutation: subject, HTML and plain text. */
export async function renderEmail<K extends EmailTemplateName>(
  template: K,
  recipient: MailRecipient,
  props: EmailTemplates[K],
  branding: MailBranding,
): Promise<RenderedEmail> {
  // Template names may come from stored rows, so an unknown one gets a clear error instead of a crash.
  if (!Object.hasOwn(emailTemplates, template)) throw new Error(`Unknown email template "${template}"`);
  const definition: EmailTemplate<EmailTemplates[K]> = emailTemplates[template];
  const context: EmailContext<EmailTemplates[K]> = {
    t: createTranslator(recipient.language, recipient.salutation),
    recipient,
    branding: resolveBranding(branding),
    props,
  };
  // A subject is one header line: user-provided names must not carry line breaks into it.
  const subject = definition.subject(context).replace(/\s+/g, " ").trim();
  const html = await render(createElement(definition.Component, { ...context, subject }));
  // One React render: the plain text is derived from the HTML the same way `render(…, { plainText: true })` does.
  const text = toPlainText(html, plainTextOptions);
  return { subject, html, text };
}
