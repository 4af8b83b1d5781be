import { describe, expect, it } from "vitest";
import { languages } from "../../../../contracts/common.js";
import { type MailRecipient, renderEmail, type Salutation } from "../render.js";
import type { AccessGrantedProps } from "./access-granted.js";

const props: AccessGrantedProps = {
  firmName: "Keller & Frei Vorsorge",
  inviterName: "Jana Keller",
  personalMessage: null,
  portalUrl: "https://atrium.example/portal",
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

describe("renderEmail access-granted", () => {
  for (const language of languages) {
    for (const salutation of salutations) {
      it(`renders ${language}/${salutation} with name, firm, inviter and the portal link`, async () => {
        const mail = await renderEmail("access-granted", recipient(language, salutation), props, branding);
        expect(mail.subject).toContain("Keller & Frei Vorsorge");
        expect(mail.html).toContain(`lang="${language}"`);
        expect(mail.text).toContain("Klara Muster");
        expect(mail.text).toContain("Jana Keller");
        expect(mail.text).toContain(props.portalUrl);
        expect(mail.html).toContain(`href="${props.portalUrl}"`);
        expect(mail.text).not.toMatch(/<[a-z]/i);
      });
    }
  }

  it("says access was added and to sign in as usual, with no registration link or credential", async () => {
    const de = await renderEmail("access-granted", recipient("de"), props, branding);
    expect(de.subject).toBe("Keller & Frei Vorsorge hat Ihnen im Kundenportal neue Angaben freigegeben");
    expect(de.text).toContain("Zum Kundenportal");
    expect(de.text).toContain("mit Ihrer E-Mail-Adresse und Ihrem Passwort an");
    expect(de.text).toContain("Sie erhalten diese E-Mail, weil Keller & Frei Vorsorge");
    expect(de.text).not.toMatch(/invite|token|Zugang einrichten/i);
    const fr = await renderEmail("access-granted", recipient("fr"), props, branding);
    expect(fr.text).toContain("Ouvrir le portail client");
    const en = await renderEmail("access-granted", recipient("en"), props, branding);
    expect(en.text).toContain("You now have access to it in the client portal");
    expect(en.text).toContain("You do not need a new account");
    expect(en.text).toContain("We never ask for your password by email");
  });

  it("shows the personal message escaped, and nothing of it when there is none", async () => {
    const personalMessage = "Bonjour,\nvoici le dossier <b>Muster</b>.\n\nCordialement";
    for (const language of languages) {
      const mail = await renderEmail(
        "access-granted",
        recipient(language),
        { ...props, personalMessage },
        branding,
      );
      expect(mail.html).toContain("voici le dossier &lt;b&gt;Muster&lt;/b&gt;.");
      expect(mail.html).not.toContain("<b>");
      expect(mail.text).toContain("voici le dossier <b>Muster</b>.");
      expect(mail.text).toContain("Cordialement");
    }
    const fr = await renderEmail("access-granted", recipient("fr"), { ...props, personalMessage }, branding);
    expect(fr.text).toContain("Jana Keller vous écrit :");
    const none = await renderEmail("access-granted", recipient("fr"), props, branding);
    expect(none.text).not.toContain("vous écrit");
  });

  it("words German and French formal and informal differently", async () => {
    const de = (salutation: Salutation) =>
      renderEmail("access-granted", recipient("de", salutation), props, branding);
    const [deFormal, deInformal] = (await Promise.all([de("formal"), de("informal")])).map(words);
    expect(deFormal).toMatch(/\bSie\b/);
    expect(deFormal).not.toMatch(/\b(du|dich|dir|dein)\b/);
    expect(deInformal).toMatch(/\b(du|dich|dir)\b/);
    expect(deInformal).not.toMatch(/\b(Sie|Ihnen|Ihr)\b/);
    const fr = (salutation: Salutation) =>
      renderEmail("access-granted", recipient("fr", salutation), props, branding);
    const [frFormalText, frInformalText] = (await Promise.all([fr("formal"), fr("informal")])).map(words);
    expect(frFormalText).toMatch(/\bvous\b/);
    expect(frFormalText).not.toMatch(frInformal);
    expect(frInformalText).toMatch(frInformal);
    expect(frInformalText).not.toMatch(frFormal);
  });
});
