import { describe, expect, it } from "vitest";
import { languages } from "../../../../contracts/common.js";
import { type MailRecipient, renderEmail, type Salutation } from "../render.js";
import type { ConfirmationRequestProps } from "./confirmation-request.js";

const props: ConfirmationRequestProps = {
  firmName: "Keller & Frei Vorsorge",
  requesterName: "Jana Keller",
  documentTitle: "Beratungsprotokoll Hausrat",
  version: 2,
  versionDate: "2026-03-04T10:00:00Z",
  portalUrl: "https://atrium.example/portal/f/1/documents",
  reminder: 0,
  renewal: false,
  subject: null,
  message: null,
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

describe("renderEmail confirmation-request (PORTAL-5)", () => {
  for (const language of languages) {
    for (const salutation of salutations) {
      it(`renders ${language}/${salutation} with the name, the document, its version and date, and the portal link`, async () => {
        const mail = await renderEmail(
          "confirmation-request",
          recipient(language, salutation),
          props,
          branding,
        );
        expect(mail.subject).toContain("Beratungsprotokoll Hausrat");
        expect(mail.html).toContain(`lang="${language}"`);
        expect(mail.text).toContain("Klara Muster");
        expect(mail.text).toContain("Jana Keller");
        expect(mail.text).toContain("2026");
        expect(mail.text).toContain(props.portalUrl);
        expect(mail.text).not.toMatch(/<[a-z]/i);
      });
    }
  }

  it("speaks formally or informally as the recipient is addressed, and of a new version when renewed", async () => {
    const formal = await renderEmail("confirmation-request", recipient("de"), props, branding);
    expect(formal.subject).toBe("Bitte bestätigen Sie den Erhalt: Beratungsprotokoll Hausrat");
    expect(formal.text).toContain("Fassung 2 vom 4. März 2026");
    const informal = await renderEmail("confirmation-request", recipient("de", "informal"), props, branding);
    expect(informal.subject).toBe("Bitte bestätige den Erhalt: Beratungsprotokoll Hausrat");
    const renewed = await renderEmail(
      "confirmation-request",
      recipient("fr"),
      { ...props, renewal: true },
      branding,
    );
    expect(renewed.subject).toBe(
      "Nouvelle version – merci de confirmer la réception : Beratungsprotokoll Hausrat",
    );
    const reminder = await renderEmail(
      "confirmation-request",
      recipient("en"),
      { ...props, reminder: 1 },
      branding,
    );
    expect(reminder.subject).toBe("Reminder: please confirm receipt of Beratungsprotokoll Hausrat");
    expect(reminder.text).toContain("still waiting for your confirmation");
  });

  it("uses the staff member's own subject and text for the request (escaped, lines kept), the standard wording for reminders", async () => {
    const own = {
      ...props,
      subject: "Ihr Protokoll\r\nBcc: x@evil.test",
      message: "Liebe Frau Muster,\n<b>bitte</b> lesen Sie es.",
    };
    const mail = await renderEmail("confirmation-request", recipient("de"), own, branding);
    expect(mail.subject).toBe("Ihr Protokoll Bcc: x@evil.test");
    expect(mail.text).toContain("Liebe Frau Muster,");
    expect(mail.html).toContain("&lt;b&gt;bitte&lt;/b&gt;");
    expect(mail.text).not.toContain("hat Ihnen ein Dokument im Kundenportal bereitgestellt");
    const reminder = await renderEmail(
      "confirmation-request",
      recipient("de"),
      { ...own, reminder: 2 },
      branding,
    );
    expect(reminder.subject).toBe(
      "Erinnerung: Bitte bestätigen Sie den Erhalt von Beratungsprotokoll Hausrat",
    );
    expect(reminder.text).not.toContain("Liebe Frau Muster");
  });
});
