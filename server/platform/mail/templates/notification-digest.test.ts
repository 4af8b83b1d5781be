import { describe, expect, it } from "vitest";
import { languages } from "../../../../contracts/common.js";
import { type MailRecipient, renderEmail, type Salutation } from "../render.js";
import type { NotificationDigestProps } from "./notification-digest.js";

const props: NotificationDigestProps = {
  firmName: "Keller & Frei Vorsorge",
  audience: "portal",
  items: [
    {
      id: "1",
      topic: "new_document",
      title: "Police <Hausrat> 2026",
      fileLabel: null,
      at: "2026-03-02T09:00:00Z",
      url: "https://atrium.example/portal/f/1/documents",
    },
    {
      id: "2",
      topic: "case_update",
      title: "Wasserschaden Keller",
      fileLabel: "Muster, Klara",
      at: "2026-03-02T09:05:00Z",
      url: "https://atrium.example/portal/f/1/cases",
    },
  ],
  openUrl: "https://atrium.example/portal",
};
const branding = { firmName: "Keller & Frei Vorsorge", primaryColor: "#0f766e" };
const salutations: Salutation[] = ["formal", "informal"];
const recipient = (language: MailRecipient["language"], salutation: Salutation): MailRecipient => ({
  name: "Klara Muster",
  email: "klara@example.test",
  language,
  salutation,
});

describe("renderEmail notification-digest", () => {
  for (const language of languages) {
    for (const salutation of salutations) {
      it(`renders ${language}/${salutation} with every event, its link and the firm`, async () => {
        const mail = await renderEmail(
          "notification-digest",
          recipient(language, salutation),
          props,
          branding,
        );
        expect(mail.subject).toContain("Keller & Frei Vorsorge");
        expect(mail.subject).toContain("2");
        expect(mail.html).toContain(`lang="${language}"`);
        expect(mail.text).toContain("Klara Muster");
        expect(mail.text).toContain("Wasserschaden Keller");
        expect(mail.text).toContain("Muster, Klara");
        for (const item of props.items) expect(mail.html).toContain(`href="${item.url}"`);
        expect(mail.html).toContain("Police &lt;Hausrat&gt; 2026");
        expect(mail.html).not.toContain("<Hausrat>");
      });
    }
  }

  it("speaks as the salutation says", async () => {
    const formal = await renderEmail("notification-digest", recipient("de", "formal"), props, branding);
    const informal = await renderEmail("notification-digest", recipient("de", "informal"), props, branding);
    expect(formal.text).toContain("Guten Tag Klara Muster");
    expect(formal.text).toContain("gibt es Neues für Sie");
    expect(informal.text).toContain("Hallo Klara Muster");
    expect(informal.text).toContain("gibt es Neues für dich");
    expect(informal.text).not.toMatch(/\bSie\b|\bIhr/);
    const fr = await renderEmail("notification-digest", recipient("fr", "informal"), props, branding);
    expect(fr.text).toContain("a du nouveau pour toi");
  });

  it("words a staff digest for the back office, with one item in the singular", async () => {
    const staff = await renderEmail(
      "notification-digest",
      recipient("en", "formal"),
      { ...props, audience: "staff", items: props.items.slice(0, 1), openUrl: "https://atrium.example/app" },
      branding,
    );
    expect(staff.subject).toBe("Atrium: something new for Keller & Frei Vorsorge");
    expect(staff.text).toContain("Open Atrium");
    expect(staff.text).toContain("as a member of staff");
  });
});
