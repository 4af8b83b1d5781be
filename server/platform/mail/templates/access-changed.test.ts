import { describe, expect, it } from "vitest";
import { languages } from "../../../../contracts/common.js";
import { type MailRecipient, renderEmail, type Salutation } from "../render.js";
import type { AccessChangedProps } from "./access-changed.js";

const props: AccessChangedProps = {
  firmName: "Keller & Frei Vorsorge",
  grantName: "Familie Muster",
  changes: [
    { kind: "access", to: "read" },
    { kind: "expiry", to: "2026-06-30T22:00:00.000Z" },
  ],
  portalUrl: "https://atrium.example/portal",
};
const branding = { firmName: "Keller & Frei Vorsorge" };
const recipient = (
  language: MailRecipient["language"],
  salutation: Salutation = "formal",
): MailRecipient => ({
  name: "Klara Muster",
  email: "klara@example.test",
  language,
  salutation,
});

describe("renderEmail access-changed", () => {
  for (const language of languages) {
    for (const salutation of ["formal", "informal"] as const) {
      it(`renders ${language}/${salutation} with firm, grant, each change and the portal link`, async () => {
        const mail = await renderEmail("access-changed", recipient(language, salutation), props, branding);
        expect(mail.subject).toContain("Keller & Frei Vorsorge");
        expect(mail.text).toContain("Klara Muster");
        expect(mail.text).toContain("Familie Muster");
        expect(mail.text).toContain(props.portalUrl);
        expect(mail.text).toMatch(/2026/);
        expect(mail.html).toContain(`lang="${language}"`);
      });
    }
  }

  it("says in plain words what changed, and offers no link once access ended", async () => {
    const de = await renderEmail("access-changed", recipient("de", "informal"), props, branding);
    expect(de.text).toContain("Du kannst die geteilten Angaben weiter ansehen, aber nicht mehr ändern.");
    expect(de.text).toContain("Dein Zugang endet jetzt am 1. Juli 2026");
    const ended = await renderEmail(
      "access-changed",
      recipient("fr"),
      { ...props, changes: [{ kind: "revoked" }], portalUrl: null },
      branding,
    );
    expect(ended.text).toContain("Votre accès a pris fin");
    expect(ended.text).not.toContain("/portal");
    const en = await renderEmail(
      "access-changed",
      recipient("en"),
      { ...props, changes: [{ kind: "locked" }, { kind: "expiry", to: null }] },
      branding,
    );
    expect(en.text).toContain("Your access is paused for now");
    expect(en.text).toContain("no longer has an end date");
  });
});
