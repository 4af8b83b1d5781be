import { randomBytes } from "node:crypto";
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

/** A renderer that draws each mail variant once and fills in who it is for (createBatchRenderer). */
export type BatchRenderer = <K extends EmailTemplateName>(
  template: K,
  recipient: MailRecipient,
  props: EmailTemplates[K],
  branding: MailBranding,
) => Promise<RenderedEmail>;

// React's escaping of text and attribute values, so a filled-in value is byte for byte what it renders.
const reactEscapes: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#x27;",
};
const escapeLikeReact = (value: string) => value.replace(/[&<>"']/g, (c) => reactEscapes[c] ?? c);
// Only values whose plain text is exactly the value may be filled in: html-to-text collapses runs of
// whitespace and drops control characters, so any other value is rendered in full instead.
const fillable = (value: string) => !/^\s|\s$|\s\s|[\p{Cc}\u2028\u2029]/u.test(value) && value !== "";

/**
 * Renders many mails whose recipients differ only in name and address (a bulk invitation, PERF-3):
 * each variant — template, language, salutation, props, branding — is drawn once with placeholders,
 * and each recipient's name and address are filled in, HTML-escaped as React does. The first mail of
 * each variant is also rendered in full and compared, so a template where filling in would differ
 * from rendering falls back to rendering every mail. Same output as renderEmail, at a fraction of the cost.
 * `draw` is the renderer behind it (renderEmail; tests count its calls).
 */
export function createBatchRenderer(draw: BatchRenderer = renderEmail): BatchRenderer {
  const marker = randomBytes(9).toString("hex");
  const placeholder = { name: `ATRIUMFILL${marker}NAME`, email: `ATRIUMFILL${marker}MAIL` };
  // Per variant: the drawing with placeholders (null when filling in proved unsafe).
  const variants = new Map<string, Promise<RenderedEmail | null>>();
  const fill = (drawn: RenderedEmail, recipient: MailRecipient): RenderedEmail => {
    const put = (text: string, encode: (value: string) => string) =>
      text
        .replaceAll(placeholder.name, encode(recipient.name))
        .replaceAll(placeholder.email, encode(recipient.email));
    return {
      subject: put(drawn.subject, (v) => v)
        .replace(/\s+/g, " ")
        .trim(),
      html: put(drawn.html, escapeLikeReact),
      text: put(drawn.text, (v) => v),
    };
  };
  return async (template, recipient, props, branding) => {
    if (!fillable(recipient.name) || !fillable(recipient.email))
      return draw(template, recipient, props, branding);
    const { language, salutation } = recipient;
    const key = JSON.stringify([template, language, salutation, props, branding]);
    const variant = variants.get(key);
    if (variant) {
      const drawn = await variant;
      return drawn ? fill(drawn, recipient) : draw(template, recipient, props, branding);
    }
    // The first mail of a variant is rendered in full and checked against the filled-in drawing.
    const first = draw(template, recipient, props, branding);
    const checked = Promise.all([
      draw(template, { ...placeholder, language, salutation }, props, branding),
      first,
    ]).then(([drawn, rendered]) => {
      const filled = fill(drawn, recipient);
      const same =
        filled.subject === rendered.subject && filled.html === rendered.html && filled.text === rendered.text;
      return same ? drawn : null;
    });
    variants.set(key, checked);
    await checked;
    return first;
  };
}
