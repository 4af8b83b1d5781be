import { describe, expect, it } from "vitest";
import { languages } from "../../../contracts/common.js";
import { catalogs, createTranslator, type Message } from "./messages/index.js";
import { type MailRecipient, renderEmail, type Salutation } from "./render.js";
import { contrastRatio, readableTextOn } from "./templates/colors.js";

const salutations: Salutation[] = ["formal", "informal"];
const props = {
  firmName: "Keller & Frei Vorsorge",
  loginUrl: "https://atrium.example/login?firm=kf&next=%2Fapp",
};
const branding = { firmName: "Keller & Frei Vorsorge" };

function recipient(overrides: Partial<MailRecipient> = {}): MailRecipient {
  return {
    name: "Jana Keller",
    email: "jana@example.ch",
    language: "de",
    salutation: "formal",
    ...overrides,
  };
}

/** Every leaf path of a catalog, with salutation variants counted as one leaf. */
function leafKeys(node: unknown, prefix = ""): string[] {
  if (typeof node === "string" || isVariants(node)) return [prefix];
  return Object.entries(node as Record<string, unknown>).flatMap(([key, child]) =>
    leafKeys(child, prefix ? `${prefix}.${key}` : key),
  );
}

function isVariants(node: unknown): node is Exclude<Message, string> {
  return typeof node === "object" && node !== null && "formal" in node && "informal" in node;
}

describe("renderEmail welcome-admin", () => {
  for (const language of languages) {
    for (const salutation of salutations) {
      it(`renders ${language}/${salutation} with name, firm and link in subject, HTML and text`, async () => {
        const mail = await renderEmail("welcome-admin", recipient({ language, salutation }), props, branding);
        expect(mail.subject).toContain("Keller & Frei Vorsorge");
        expect(mail.html).toContain(`lang="${language}"`);
        expect(mail.html).toContain("Jana Keller");
        expect(mail.html).toContain("Keller &amp; Frei Vorsorge");
        expect(mail.html).toContain('href="https://atrium.example/login?firm=kf&amp;next=%2Fapp"');
        expect(mail.text).toContain("Jana Keller");
        expect(mail.text).toContain("Keller & Frei Vorsorge");
        expect(mail.text).toContain(props.loginUrl);
        expect(mail.text).not.toMatch(/<[a-z]/i);
      });
    }
  }

  it("greets with the wording of language and salutation", async () => {
    const greeting = async (language: MailRecipient["language"], salutation: Salutation) =>
      (await renderEmail("welcome-admin", recipient({ language, salutation }), props, branding)).text;
    expect(await greeting("de", "formal")).toContain("Guten Tag Jana Keller");
    expect(await greeting("de", "informal")).toContain("Hallo Jana Keller");
    expect(await greeting("fr", "formal")).toContain("Bonjour Jana Keller");
    expect(await greeting("en", "formal")).toContain("Hello Jana Keller");
    const subject = (await renderEmail("welcome-admin", recipient(), props, branding)).subject;
    expect(subject).toBe("Willkommen bei Atrium – Keller & Frei Vorsorge ist eingerichtet");
  });

  it("words German formal and informal differently", async () => {
    const formal = await renderEmail("welcome-admin", recipient({ salutation: "formal" }), props, branding);
    const informal = await renderEmail(
      "welcome-admin",
      recipient({ salutation: "informal" }),
      props,
      branding,
    );
    expect(formal.text).not.toEqual(informal.text);
    expect(formal.text).toMatch(/\bSie\b/);
    expect(formal.text).not.toMatch(/\b(du|dich|dir|dein)\b/);
    expect(informal.text).toMatch(/\b(du|dich|dir)\b/);
    expect(informal.text).not.toMatch(/\b(Sie|Ihnen|Ihr)\b/);
  });

  it("says that no password is sent by mail", async () => {
    const mail = await renderEmail("welcome-admin", recipient({ language: "en" }), props, branding);
    expect(mail.text).toContain("We never send passwords by email");
  });

  it("escapes user-provided values in HTML", async () => {
    const evil = '<script>alert("x")</script>';
    const mail = await renderEmail(
      "welcome-admin",
      recipient({ name: evil }),
      { ...props, firmName: `<b onmouseover="x">Firm</b>` },
      { firmName: "<img src=x onerror=alert(1)>", footerLines: ["<i>line</i>"] },
    );
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("&lt;script&gt;");
    expect(mail.html).not.toContain("<b onmouseover");
    expect(mail.html).not.toContain("<img src=x");
    expect(mail.html).not.toContain("<i>line</i>");
    expect(mail.text).toContain(evil);
  });

  it("keeps the subject on one line even if a name carries line breaks", async () => {
    const mail = await renderEmail(
      "welcome-admin",
      recipient(),
      { ...props, firmName: "A\r\nBcc: x@y" },
      branding,
    );
    expect(mail.subject).not.toMatch(/[\r\n]/);
  });

  it("shows the logo and footer lines, and drops unsafe branding values", async () => {
    const mail = await renderEmail("welcome-admin", recipient(), props, {
      firmName: "Keller & Frei Vorsorge",
      logoUrl: "https://cdn.example/logo.png",
      primaryColor: "red;background:url(https://evil.example)",
      footerLines: ["Bahnhofstrasse 1, 8001 Zürich"],
    });
    expect(mail.html).toContain('src="https://cdn.example/logo.png"');
    expect(mail.html).not.toContain("evil.example");
    expect(mail.text).toContain("Bahnhofstrasse 1, 8001 Zürich");
    const noLogo = await renderEmail("welcome-admin", recipient(), props, {
      ...branding,
      logoUrl: "javascript:x",
    });
    expect(noLogo.html).not.toContain("<img");
  });

  it("rejects an unknown template name", async () => {
    await expect(renderEmail("nope" as "welcome-admin", recipient(), props, branding)).rejects.toThrow(
      'Unknown email template "nope"',
    );
  });
});

describe("email catalogs", () => {
  it("de, fr and en have exactly the same keys", () => {
    const reference = leafKeys(catalogs.de).sort();
    expect(reference.length).toBeGreaterThan(0);
    expect(leafKeys(catalogs.fr).sort()).toEqual(reference);
    expect(leafKeys(catalogs.en).sort()).toEqual(reference);
  });

  it("use the same placeholders in every language and salutation", () => {
    const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const key of leafKeys(catalogs.de)) {
      const expected = placeholders(rawText("de", "formal", key));
      for (const language of languages) {
        for (const salutation of salutations) {
          expect(placeholders(rawText(language, salutation, key)), `${language}/${key}`).toEqual(expected);
        }
      }
    }
  });

  it("throws when a placeholder gets no value", () => {
    const t = createTranslator("de", "formal");
    expect(() => t("welcome-admin.subject")).toThrow("{{firmName}}");
  });
});

describe("colour contrast", () => {
  it("picks the button text colour that meets AA on the firm colour", () => {
    for (const background of ["#1d4ed8", "#ffcc00", "#000000", "#ffffff", "#0f766e", "#f472b6"]) {
      expect(contrastRatio(background, readableTextOn(background))).toBeGreaterThanOrEqual(4.5);
    }
  });
});

/** The unfilled text of a key, read straight from the catalog. */
function rawText(language: MailRecipient["language"], salutation: Salutation, key: string): string {
  const node = key
    .split(".")
    .reduce<unknown>((at, part) => (at as Record<string, unknown>)[part], catalogs[language]);
  return typeof node === "string" ? node : (node as Exclude<Message, string>)[salutation];
}
