import { describe, expect, it } from "vitest";
import { languages } from "../../../../contracts/common.js";
import { type MailRecipient, renderEmail, type Salutation } from "../render.js";

const props = {
  firmName: "Keller & Frei Vorsorge",
  inviterName: "Jana Keller",
  role: "advisor" as const,
  acceptUrl: "https://atrium.example/invite/staff#token=abcDEF123_-abcDEF123_-abcDEF123_-abcDEF123_",
  expiresAt: "2026-04-01T08:00:00.000Z",
};
const branding = { firmName: "Keller & Frei Vorsorge" };
const recipient = (
  language: MailRecipient["language"],
  salutation: Salutation = "formal",
): MailRecipient => ({
  name: "Nora Neu",
  email: "nora@example.test",
  language,
  salutation,
});

describe("renderEmail staff-invitation", () => {
  for (const language of languages) {
    for (const salutation of ["formal", "informal"] as const) {
      it(`renders ${language}/${salutation} with firm, inviter, role, link and expiry`, async () => {
        const mail = await renderEmail("staff-invitation", recipient(language, salutation), props, branding);
        expect(mail.subject).toContain("Keller & Frei Vorsorge");
        expect(mail.subject).toContain("Jana Keller");
        expect(mail.text).toContain("Nora Neu");
        expect(mail.text).toContain(props.acceptUrl);
        expect(mail.html).toContain(`lang="${language}"`);
        expect(mail.text).toMatch(/2026/);
        expect(mail.text).toMatch(/10:00/);
      });
    }
  }

  it("names the role in the recipient's language and says no password comes by mail", async () => {
    const de = await renderEmail("staff-invitation", recipient("de"), props, branding);
    expect(de.text).toContain("„Beratung“");
    expect(de.text).toContain("1. April 2026");
    expect(de.text).toContain("niemals ein Passwort");
    const fr = await renderEmail("staff-invitation", recipient("fr"), { ...props, role: "admin" }, branding);
    expect(fr.text).toContain("« Administration »");
    const en = await renderEmail(
      "staff-invitation",
      recipient("en"),
      { ...props, role: "assistant" },
      branding,
    );
    expect(en.text).toContain("“Assistant”");
    expect(en.text).toContain("never send passwords");
  });

  it("words German formal and informal differently", async () => {
    const formal = await renderEmail("staff-invitation", recipient("de", "formal"), props, branding);
    const informal = await renderEmail("staff-invitation", recipient("de", "informal"), props, branding);
    expect(formal.text).toMatch(/\bSie\b/);
    expect(formal.text).not.toMatch(/\b(du|dich|dir|dein)\b/);
    expect(informal.text).toMatch(/\b(du|dich|dir)\b/);
    expect(informal.text).not.toMatch(/\b(Sie|Ihnen|Ihr)\b/);
  });
});
