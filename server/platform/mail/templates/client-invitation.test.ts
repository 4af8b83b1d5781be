import { describe, expect, it } from "vitest";
import { languages } from "../../../../contracts/common.js";
import { type MailRecipient, renderEmail, type Salutation } from "../render.js";
import type { ClientInvitationProps } from "./client-invitation.js";

const props: ClientInvitationProps = {
  firmName: "Keller & Frei Vorsorge",
  inviterName: "Jana Keller",
  reminder: 0,
  personalMessage: null,
  // The outbox puts the sealed token in place of this placeholder at delivery.
  acceptUrl: "https://atrium.example/invite/client#token=ATRIUMSECRETtokenATRIUMSECRET",
  expiresAt: "2026-04-01T08:00:00.000Z",
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

describe("renderEmail client-invitation", () => {
  for (const language of languages) {
    for (const salutation of salutations) {
      it(`renders ${language}/${salutation} with name, firm, inviter, link and expiry`, async () => {
        const mail = await renderEmail("client-invitation", recipient(language, salutation), props, branding);
        expect(mail.subject).toContain("Keller & Frei Vorsorge");
        expect(mail.html).toContain(`lang="${language}"`);
        expect(mail.text).toContain("Klara Muster");
        expect(mail.text).toContain("Jana Keller");
        expect(mail.text).toContain(props.acceptUrl);
        expect(mail.html).toContain(`href="${props.acceptUrl}"`);
        expect(mail.text).toMatch(/2026/);
        expect(mail.text).toMatch(/10:00/);
        expect(mail.text).not.toMatch(/<[a-z]/i);
      });

      it(`words ${language}/${salutation} reminders with their own subjects`, async () => {
        const subjectOf = async (reminder: number) =>
          (
            await renderEmail(
              "client-invitation",
              recipient(language, salutation),
              { ...props, reminder },
              branding,
            )
          ).subject;
        const [invitation, first, second, third] = await Promise.all([0, 1, 2, 3].map(subjectOf));
        expect(new Set([invitation, first, second]).size).toBe(3);
        for (const subject of [first, second]) expect(subject).toContain("Keller & Frei Vorsorge");
        // The firm sets how many reminders go out, so every later one is worded like the second.
        expect(third).toBe(second);
      });
    }
  }

  it("uses the seed's subjects in German", async () => {
    const subjectOf = async (salutation: Salutation, reminder: number) =>
      (await renderEmail("client-invitation", recipient("de", salutation), { ...props, reminder }, branding))
        .subject;
    expect(await subjectOf("formal", 0)).toBe("Keller & Frei Vorsorge lädt Sie in das Kundenportal ein");
    expect(await subjectOf("informal", 0)).toBe("Keller & Frei Vorsorge lädt dich in das Kundenportal ein");
    expect(await subjectOf("formal", 1)).toBe(
      "Erinnerung: Ihr Zugang zum Kundenportal von Keller & Frei Vorsorge wartet auf Sie",
    );
    expect(await subjectOf("formal", 2)).toMatch(/^Noch einmal: /);
  });

  it("says in a reminder that the invitation is still open, and not in the invitation", async () => {
    const invitation = await renderEmail("client-invitation", recipient("de"), props, branding);
    const reminder = await renderEmail(
      "client-invitation",
      recipient("de"),
      { ...props, reminder: 1 },
      branding,
    );
    expect(reminder.text).toContain("Ihre Einladung in das Kundenportal ist noch offen");
    expect(invitation.text).not.toContain("noch offen");
    const en = await renderEmail("client-invitation", recipient("en"), { ...props, reminder: 2 }, branding);
    expect(en.text).toContain("your invitation to the client portal is still open");
  });

  it("explains the steps, the button, the expiry and that no password comes by mail", async () => {
    const de = await renderEmail("client-invitation", recipient("de"), props, branding);
    expect(de.text).toContain("Zugang einrichten");
    expect(de.text).toContain("1. Ihren Namen bestätigen");
    expect(de.text).toContain("2. Ein eigenes Passwort wählen");
    // Registration asks no phone yet: the mail promises only the steps the page has.
    expect(de.text).not.toMatch(/^3\. /m);
    expect(de.text).toContain("1. April 2026");
    expect(de.text).toContain("Nur das Öffnen ändert nichts");
    expect(de.text).toContain("niemals ein Passwort");
    expect(de.text).toContain("Jana Keller von Keller & Frei Vorsorge");
    const fr = await renderEmail("client-invitation", recipient("fr"), props, branding);
    expect(fr.text).toContain("Créer mon accès");
    expect(fr.text).toContain("1 avril 2026");
    const en = await renderEmail("client-invitation", recipient("en"), props, branding);
    expect(en.text).toContain("Set up my access");
    expect(en.text).toContain("We never send passwords by email");
    expect(en.text).toContain("because Jana Keller at Keller & Frei Vorsorge sent you an invitation");
  });

  it("shows the personal message as the inviter's words, escaped, one paragraph per line", async () => {
    const personalMessage = "Liebe Frau Muster,\n\nhier sind <b>Ihre</b> Unterlagen.\r\nHerzliche Grüße";
    for (const language of languages) {
      const mail = await renderEmail(
        "client-invitation",
        recipient(language),
        { ...props, personalMessage },
        branding,
      );
      expect(mail.html).toContain("hier sind &lt;b&gt;Ihre&lt;/b&gt; Unterlagen.");
      expect(mail.html).not.toContain("<b>");
      expect(mail.text).toContain("hier sind <b>Ihre</b> Unterlagen.");
      expect(mail.text).toContain("Liebe Frau Muster,");
      expect(mail.text).toContain("Herzliche Grüße");
      expect(mail.text).toMatch(/Unterlagen\.\n+Herzliche Grüße/);
    }
    const de = await renderEmail(
      "client-invitation",
      recipient("de"),
      { ...props, personalMessage },
      branding,
    );
    expect(de.text).toContain("Jana Keller schreibt Ihnen:");
    expect(de.html.match(/Unterlagen\.<\/p>/g)).toHaveLength(1);
    const en = await renderEmail(
      "client-invitation",
      recipient("en"),
      { ...props, personalMessage },
      branding,
    );
    expect(en.text).toContain("A message from Jana Keller:");
  });

  it("leaves the personal block out when there is no message", async () => {
    for (const personalMessage of [null, "", "  \n \n"]) {
      const de = await renderEmail(
        "client-invitation",
        recipient("de"),
        { ...props, personalMessage },
        branding,
      );
      expect(de.text).not.toContain("schreibt Ihnen");
    }
    const fr = await renderEmail("client-invitation", recipient("fr"), props, branding);
    expect(fr.text).not.toContain("vous écrit");
  });

  it("words German formal and informal differently", async () => {
    for (const reminder of [0, 1]) {
      const formal = await renderEmail(
        "client-invitation",
        recipient("de", "formal"),
        { ...props, reminder },
        branding,
      );
      const informal = await renderEmail(
        "client-invitation",
        recipient("de", "informal"),
        { ...props, reminder },
        branding,
      );
      const [formalWords, informalWords] = [formal, informal].map((mail) => `${mail.subject}\n${mail.text}`);
      expect(formalWords).toMatch(/\bSie\b/);
      expect(formalWords).not.toMatch(/\b(du|dich|dir|dein)\b/);
      expect(informalWords).toMatch(/\b(du|dich|dir)\b/);
      expect(informalWords).not.toMatch(/\b(Sie|Ihnen|Ihr)\b/);
    }
  });

  it("words French formal with vous and informal with tu", async () => {
    for (const reminder of [0, 1, 2]) {
      const formal = await renderEmail(
        "client-invitation",
        recipient("fr", "formal"),
        { ...props, reminder },
        branding,
      );
      const informal = await renderEmail(
        "client-invitation",
        recipient("fr", "informal"),
        { ...props, reminder },
        branding,
      );
      const [formalWords, informalWords] = [formal, informal].map((mail) => `${mail.subject}\n${mail.text}`);
      expect(formalWords).toMatch(/\bvous\b/);
      expect(formalWords).not.toMatch(frInformal);
      expect(informalWords).toMatch(frInformal);
      expect(informalWords).not.toMatch(frFormal);
    }
  });
});
