import { describe, expect, it } from "vitest";
import { languages } from "../../../../contracts/common.js";
import { type MailRecipient, renderEmail, type Salutation } from "../render.js";
import type { PasswordResetProps } from "./password-reset.js";

const props: PasswordResetProps = {
  resetUrl: "https://atrium.example/reset#token=ATRIUMSECRETtokenATRIUMSECRET",
  expiresAt: "2026-04-01T08:00:00.000Z",
  firmName: "Keller & Frei Vorsorge",
};
const branding = { firmName: "Keller & Frei Vorsorge" };
const salutations: Salutation[] = ["formal", "informal"];
const recipient = (
  language: MailRecipient["language"],
  salutation: Salutation = "formal",
): MailRecipient => ({
  name: "Klara Muster",
  email: "klara@example.test",
  language,
  salutation,
});

// Whole French words only: \b would split at accented letters ("côte" → "te").
const frInformal = /(?<!\p{L})(?:(?:tu|te|ton|ta|tes|toi)(?!\p{L})|t’)/u;
const frFormal = /(?<!\p{L})(?:vous|votre|vos)(?!\p{L})/u;
const words = (mail: { subject: string; text: string }) => `${mail.subject}\n${mail.text}`;

describe("renderEmail password-reset", () => {
  for (const language of languages) {
    for (const salutation of salutations) {
      it(`renders ${language}/${salutation} with name, firm, link and expiry`, async () => {
        const mail = await renderEmail("password-reset", recipient(language, salutation), props, branding);
        expect(mail.subject).toContain("Keller & Frei Vorsorge");
        expect(mail.html).toContain(`lang="${language}"`);
        expect(mail.text).toContain("Klara Muster");
        expect(mail.text).toContain(props.resetUrl);
        expect(mail.html).toContain(`href="${props.resetUrl}"`);
        expect(mail.text).toMatch(/2026/);
        expect(mail.text).toMatch(/10:00/);
        expect(mail.text).not.toMatch(/<[a-z]/i);
      });
    }
  }

  it("says the password stays if it was not you, and that the second factor is still asked", async () => {
    const de = await renderEmail("password-reset", recipient("de"), props, branding);
    expect(de.text).toContain("Neues Passwort wählen");
    expect(de.text).toContain("1. April 2026");
    expect(de.text).toContain("Wenn Sie das nicht waren, ignorieren Sie diese E-Mail einfach.");
    expect(de.text).toContain("nach Ihrer zweiten Bestätigung");
    const fr = await renderEmail("password-reset", recipient("fr"), props, branding);
    expect(fr.text).toContain("Votre mot de passe reste le même.");
    const en = await renderEmail("password-reset", recipient("en"), props, branding);
    expect(en.text).toContain("If this was not you, simply ignore this email. Your password stays the same.");
    expect(en.text).toContain("we will still ask for your second confirmation when you sign in");
  });

  it("words German and French formal and informal differently", async () => {
    const de = (salutation: Salutation) =>
      renderEmail("password-reset", recipient("de", salutation), props, branding);
    const [deFormal, deInformal] = (await Promise.all([de("formal"), de("informal")])).map(words);
    expect(deFormal).toMatch(/\bSie\b/);
    expect(deFormal).not.toMatch(/\b(du|dich|dir|dein)\b/);
    expect(deInformal).toMatch(/\b(du|dich|dir)\b/);
    expect(deInformal).not.toMatch(/\b(Sie|Ihnen|Ihr)\b/);
    const fr = (salutation: Salutation) =>
      renderEmail("password-reset", recipient("fr", salutation), props, branding);
    const [frFormalText, frInformalText] = (await Promise.all([fr("formal"), fr("informal")])).map(words);
    expect(frFormalText).toMatch(/\bvous\b/);
    expect(frFormalText).not.toMatch(frInformal);
    expect(frInformalText).toMatch(frInformal);
    expect(frInformalText).not.toMatch(frFormal);
  });
});
