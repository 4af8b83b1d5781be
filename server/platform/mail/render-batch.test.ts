import { describe, expect, it } from "vitest";
import { languages } from "../../../contracts/common.js";
import { secretPlaceholder } from "./outbox.js";
import {
  type BatchRenderer,
  createBatchRenderer,
  type MailRecipient,
  renderEmail,
  type Salutation,
} from "./render.js";

const salutations: Salutation[] = ["formal", "informal"];
const branding = { firmName: "Keller & Frei <Vorsorge>", primaryColor: "#0f4c5c" };
const invitation = {
  firmName: "Keller & Frei <Vorsorge>",
  inviterName: 'Jana "JK" Keller',
  reminder: 0,
  personalMessage: "Bitte <b>bald</b> & gern.\nZweite Zeile",
  acceptUrl: `https://atrium.example/invite/client#token=${secretPlaceholder("token")}`,
  expiresAt: "2026-12-20T09:30:00.000Z",
};
const notice = {
  firmName: "Keller & Frei <Vorsorge>",
  inviterName: "Jana Keller",
  personalMessage: null,
  portalUrl: "https://atrium.example/portal",
};
// Names that React must escape, accents, a long one, and look-alikes of markup in the address.
const names = [
  "Nora Neu",
  `Ada <script>alert("x")</script> & O'Neil`,
  "Zoë Müller-Lüdenscheidt",
  "Jean-François d'Arc de la Tour du Pin Chambly de La Charce",
  "&amp; &lt;",
];

/** A renderer that counts how often it really renders. */
function counted() {
  let renders = 0;
  const draw: BatchRenderer = (template, recipient, props, brand) => {
    renders++;
    return renderEmail(template, recipient, props, brand);
  };
  return { draw, renders: () => renders };
}

const person = (name: string, i: number, language: MailRecipient["language"], salutation: Salutation) => ({
  name,
  email: `p${i}.o'hara&co@example.test`,
  language,
  salutation,
});

describe("createBatchRenderer (PERF-3)", () => {
  for (const language of languages)
    for (const salutation of salutations)
      it(`gives exactly renderEmail's mails, ${language}/${salutation}, rendering each variant twice only`, async () => {
        const { draw, renders } = counted();
        const batch = createBatchRenderer(draw);
        for (const [i, name] of names.entries()) {
          const recipient = person(name, i, language, salutation);
          expect(await batch("client-invitation", recipient, invitation, branding)).toEqual(
            await renderEmail("client-invitation", recipient, invitation, branding),
          );
          expect(await batch("access-granted", recipient, notice, branding)).toEqual(
            await renderEmail("access-granted", recipient, notice, branding),
          );
        }
        // Per template: the drawing with placeholders and the first mail in full; the rest filled in.
        expect(renders()).toBe(4);
      });

  it("fills the escaped name into the HTML and the plain name into the text", async () => {
    const batch = createBatchRenderer();
    await batch("client-invitation", person("Nora Neu", 0, "de", "formal"), invitation, branding);
    const mail = await batch(
      "client-invitation",
      person(`Ada <b>&</b>`, 1, "de", "formal"),
      invitation,
      branding,
    );
    expect(mail.html).toContain("Guten Tag Ada &lt;b&gt;&amp;&lt;/b&gt;</h1>");
    expect(mail.html).not.toContain("<b>&</b>");
    expect(mail.text).toContain("Guten Tag Ada <b>&</b>");
  });

  it("renders in full what filling in cannot promise: odd spacing, control characters", async () => {
    const { draw, renders } = counted();
    const batch = createBatchRenderer(draw);
    await batch("client-invitation", person("Nora Neu", 0, "de", "formal"), invitation, branding);
    const before = renders();
    for (const name of ["Sam   Spaced", " Lead", "Trail ", "Tab\tName", "Line\nBreak", "Bell\u0007"]) {
      const recipient = person(name, 1, "de", "formal");
      expect(await batch("client-invitation", recipient, invitation, branding)).toEqual(
        await renderEmail("client-invitation", recipient, invitation, branding),
      );
    }
    expect(renders() - before).toBe(6);
  });

  it("a new variant (another language, another instant) is drawn anew", async () => {
    const { draw, renders } = counted();
    const batch = createBatchRenderer(draw);
    await batch("client-invitation", person("Nora Neu", 0, "de", "formal"), invitation, branding);
    const later = { ...invitation, expiresAt: "2026-12-21T09:30:00.000Z" };
    const mail = await batch("client-invitation", person("Ole Ost", 1, "de", "formal"), later, branding);
    expect(mail).toEqual(
      await renderEmail("client-invitation", person("Ole Ost", 1, "de", "formal"), later, branding),
    );
    expect(renders()).toBe(4);
  });
});
