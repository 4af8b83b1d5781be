import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AccessLogPage, Profile } from "../../../contracts/profile.js";
import type { Me } from "../../../contracts/session.js";
import type { ErrorBody } from "../../../tests/support/documents-world.js";
import { type OwnDataWorld, ownDataWorld } from "../../../tests/support/own-data-world.js";
import { auditWithAction } from "../../../tests/support/portal-world.js";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";

describe("the account's own data: profile, own access log, export (PORTAL-10)", () => {
  let t: TestApp;
  let w: OwnDataWorld;
  beforeAll(async () => {
    t = await startTestApp();
    w = await ownDataWorld(t);
  });
  afterAll(() => t?.close());

  it("shows the profile with how each firm addresses the account, and changes name, language and salutation", async () => {
    const profile = await w.klara.client.get<Profile>("/api/account/profile");
    expect(profile.status).toBe(200);
    expect(profile.body).toMatchObject({ name: "Klara Muster", language: "en", isStaff: false });
    expect(profile.body.persons.map((p) => [p.firmName, p.personId, p.salutation])).toEqual([
      ["Musterberatung", w.person.klara, "formal"],
      ["Zweitbüro", w.second.person, "formal"],
    ]);

    const empty = await w.klara.client.patch<ErrorBody>("/api/account/profile", {});
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body.error.details)).toContain('"field":"name"');

    const changed = await w.klara.client.patch<Profile>("/api/account/profile", {
      name: "Klara Muster-Neu",
      language: "fr",
    });
    expect(changed.body).toMatchObject({ name: "Klara Muster-Neu", language: "fr" });
    expect((await w.klara.client.get<Me>("/api/me")).body.user.language).toBe("fr");
    await w.klara.client.patch("/api/account/profile", { name: "Klara Muster", language: "en" });

    const informal = await w.klara.client.patch<Profile>("/api/account/profile/salutation", {
      firmId: w.second.firmId,
      personId: w.second.person,
      salutation: "informal",
    });
    expect(informal.status).toBe(200);
    expect(informal.body.persons.find((p) => p.personId === w.second.person)?.salutation).toBe("informal");
    expect(informal.body.persons.find((p) => p.personId === w.person.klara)?.salutation).toBe("formal");
    // Max is someone else: his record is not Klara's to change, and does not exist for her here.
    const notHers = await w.klara.client.patch("/api/account/profile/salutation", {
      firmId: w.firmId,
      personId: w.person.max,
      salutation: "informal",
    });
    expect(notHers.status).toBe(404);
    expect((await auditWithAction(t, w.second.firmId, "account.salutation_update")).length).toBe(1);
  });

  it("lists only the account's own events across its firms, newest first, in its language, paged", async () => {
    const download = (client: typeof w.klara.client) =>
      client.get(w.url(w.klaraFile, `documents/${w.document.shared.id}/download`));
    expect((await download(w.klara.client)).status).toBe(200);
    expect((await download(w.max.client)).status).toBe(200);
    const changed = await w.owner.client.patch(`/api/grants/${w.grant.id}/grantees/${w.grantee.klara}`, {
      isPrimaryContact: true,
    });
    expect(changed.status).toBe(200);

    const log = await w.klara.client.get<AccessLogPage>("/api/account/access-log");
    expect(log.status).toBe(200);
    const downloads = log.body.items.filter((e) => e.action === "document.portal_download");
    // Max's download of the same document is his, not hers.
    expect(downloads).toHaveLength(1);
    expect(downloads[0]).toMatchObject({
      byYou: true,
      actorName: null,
      label: "Document opened: Policy HRV ü.pdf",
      firm: { id: w.firmId, name: "Musterberatung" },
      clientFile: { id: w.klaraFile, displayName: "Muster, Klara" },
    });
    const byFirm = log.body.items.find((e) => e.action === "grantee.update");
    expect(byFirm).toMatchObject({ byYou: false, actorName: "Olga Owner", label: "Access changed" });
    // A staff member's address and browser are theirs, not shown to the client.
    expect(byFirm?.ipAddress).toBeNull();
    expect(byFirm?.device).toBeNull();
    expect(log.body.items.some((e) => e.firm.id === w.second.firmId)).toBe(true);
    const times = log.body.items.map((e) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
    expect(log.body.items.every((e) => e.action !== "document.portal_download" || e.byYou)).toBe(true);

    const max = await w.max.client.get<AccessLogPage>("/api/account/access-log");
    expect(max.body.items.map((e) => e.action)).toEqual(["document.portal_download"]);

    const german = await w.klara.client.get<AccessLogPage>("/api/account/access-log", {
      "accept-language": "de",
    });
    expect(german.body.items.find((e) => e.action === "grantee.update")?.label).toBe("Zugang geändert");

    const first = await w.klara.client.get<AccessLogPage>("/api/account/access-log?limit=1");
    expect(first.body.items).toHaveLength(1);
    expect(first.body.nextCursor).not.toBeNull();
    const next = await w.klara.client.get<AccessLogPage>(
      `/api/account/access-log?limit=1&cursor=${first.body.nextCursor}`,
    );
    expect(next.body.items[0]?.id).toBe(log.body.items[1]?.id);
    const bad = await w.klara.client.get<ErrorBody>("/api/account/access-log?cursor=nonsense");
    expect(bad.status).toBe(400);
  });

  it("exports a ZIP with the profile, sessions, own log, every reached file per firm and its documents — nothing else", async () => {
    const res = await t.app.inject({
      method: "GET",
      url: "/api/account/export",
      headers: { cookie: w.klara.client.cookie, "accept-language": "en" },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/zip");
    const files = unzipSync(new Uint8Array(res.rawPayload));
    const names = Object.keys(files);
    const text = (suffix: string) => {
      const name = names.find((n) => n.endsWith(suffix));
      if (!name) throw new Error(`no ${suffix} in ${names.join(", ")}`);
      return strFromU8(files[name] as Uint8Array);
    };
    const json = (suffix: string) => JSON.parse(text(suffix));

    expect(json("/profile.json")).toMatchObject({ name: "Klara Muster", email: w.klara.email });
    expect(json("/sessions.json").length).toBeGreaterThan(0);
    expect(
      json("/access-log.json").some((e: { action: string }) => e.action === "document.portal_download"),
    ).toBe(true);
    expect(text("/README.txt")).toContain("profile.json");

    const klaraFolder = names.find(
      (n) => n.includes("/firms/Musterberatung/") && n.endsWith("Muster, Klara/contracts.json"),
    );
    expect(klaraFolder).toBeDefined();
    const contractIds = JSON.parse(strFromU8(files[klaraFolder as string] as Uint8Array)).contracts.map(
      (c: { id: string }) => c.id,
    );
    expect(contractIds.sort()).toEqual([w.contract.klaraHrv, w.contract.klaraForeignHrv].sort());
    expect(names.some((n) => n.endsWith("Musterfirma/overview.json"))).toBe(true);
    expect(names.some((n) => n.endsWith("Muster, Klara/family.json"))).toBe(true);

    const policy = names.find((n) => n.endsWith("Muster, Klara/documents/Policy HRV ü.pdf"));
    expect(policy).toBeDefined();
    expect(Buffer.from(files[policy as string] as Uint8Array).equals(w.document.shared.bytes)).toBe(true);
    const second = names.find(
      (n) => n.includes("/firms/Zweitbüro/") && n.endsWith("Vertrag Zweitbüro ü.pdf"),
    );
    expect(second).toBeDefined();
    expect(Buffer.from(files[second as string] as Uint8Array).equals(w.second.document.bytes)).toBe(true);

    // Nothing of what Klara does not see: unshared or hidden documents, the neighbour's file, his id.
    const everything =
      names.join("\n") +
      Object.values(files)
        .map((f) => strFromU8(f, true))
        .join("\n");
    for (const hidden of [
      "Internal note",
      "Policy PHV",
      "Norberts Police",
      "Nachbar, Norbert",
      w.otherFile,
      w.document.unshared.id,
      w.document.onHiddenContract.id,
      w.contract.klaraPhv,
    ])
      expect(everything).not.toContain(hidden);

    expect((await auditWithAction(t, w.firmId, "account.export")).length).toBe(1);
    expect((await auditWithAction(t, w.second.firmId, "account.export")).length).toBe(1);
  });

  it("never exports in a staff preview", async () => {
    const res = await w.owner.client.get<ErrorBody>("/api/account/export", {
      "x-atrium-preview": w.grantee.klara,
    });
    expect(res.status).toBe(403);
  });
});
