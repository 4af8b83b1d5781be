import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  PortalAddress,
  PortalAsset,
  PortalAssetList,
  PortalContract,
  PortalDonation,
  PortalLineOfBusinessList,
  PortalPerson,
} from "../../../contracts/portal.js";
import { portalEditableContractStatuses } from "../../../contracts/portal.js";
import type { ErrorBody } from "../../../tests/support/documents-world.js";
import { createFirm } from "../../../tests/support/factories.js";
import { signedInStaff } from "../../../tests/support/factories-clients.js";
import {
  auditOf,
  createClientFile,
  fieldsOf,
  setLineActive,
} from "../../../tests/support/factories-records.js";
import { firmSnapshot, type Seed004World, seed004World } from "../../../tests/support/portal-world.js";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";
import { clientEditableContractStatuses } from "../access/sharing-rules.js";

describe("portal writes (PORTAL-8)", () => {
  let t: TestApp;
  let w: Seed004World;
  beforeAll(async () => {
    t = await startTestApp();
    w = await seed004World(t);
  });
  afterAll(() => t?.close());

  it("the contract shapes and the engine agree on which contract statuses a client may change", () => {
    expect([...portalEditableContractStatuses]).toEqual([...clientEditableContractStatuses]);
  });

  it("an external advisor with read_write changes an asset, audited as the client's", async () => {
    const res = await w.bernd.client.patch<PortalAsset>(w.url(w.klaraFile, `assets/${w.ids.asset}`), {
      value: "360000",
      description: "House in Berlin",
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: w.ids.asset, value: "360000.00", description: "House in Berlin" });
    const [event] = await auditOf(t.deps, w.firmId, w.ids.asset);
    expect(event).toMatchObject({
      action: "portal.asset.update",
      actorUserId: w.bernd.userId,
      actorKind: "client",
      clientFileId: w.klaraFile,
    });
    expect(event?.before).toMatchObject({ value: "350000.00" });
    expect(event?.after).toMatchObject({ value: "360000.00" });
  });

  it("an external advisor cannot change a contract: 403 naming the reason, nothing changed", async () => {
    const before = await firmSnapshot(t, w.firmId);
    const res = await w.bernd.client.patch<ErrorBody>(
      w.url(w.klaraFile, `contracts/${w.contract.klaraForeignHrv}`),
      {
        insurer: "Other",
      },
    );
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe(
      "Your access lets you change persons, assets and donations only. Ask the firm to change anything else.",
    );
    const address = await w.bernd.client.patch(w.url(w.klaraFile, `addresses/${w.address.onHrv}`), {
      city: "Köln",
    });
    expect(address.status).toBe(403);
    expect(await firmSnapshot(t, w.firmId)).toBe(before);
  });

  it("the holder changes a contract she holds elsewhere, not one of the firm's own (403 with a message)", async () => {
    const foreign = await w.klara.client.patch<PortalContract>(
      w.url(w.klaraFile, `contracts/${w.contract.klaraForeignHrv}`),
      { insurer: "HUK", premium: "9.90", premiumFrequency: "monthly", status: "foreign" },
    );
    expect(foreign.status).toBe(200);
    expect(foreign.body).toMatchObject({
      insurer: "HUK",
      premium: "9.90",
      status: "foreign",
      editable: true,
    });
    const [event] = await auditOf(t.deps, w.firmId, w.contract.klaraForeignHrv);
    expect(event?.action).toBe("portal.contract.update");
    const own = await w.klara.client.patch<ErrorBody>(
      w.url(w.klaraFile, `contracts/${w.contract.klaraHrv}`),
      {
        insurer: "HUK",
      },
    );
    expect(own.status).toBe(403);
    expect(own.body.error.message).toMatch(/only contracts you hold with other providers/);
    // The status may not leave the client's statuses, nor may the category-deciding dates be sent.
    const toOwn = await w.klara.client.patch<ErrorBody>(
      w.url(w.klaraFile, `contracts/${w.contract.klaraForeignHrv}`),
      { status: "own" },
    );
    expect(toOwn.status).toBe(400);
    expect(fieldsOf(toOwn.body)).toEqual(["status"]);
  });

  it("refuses a change that would take the record out of the viewer's sight, and keeps it as it was", async () => {
    const before = await firmSnapshot(t, w.firmId);
    const res = await w.klara.client.patch<ErrorBody>(
      w.url(w.klaraFile, `contracts/${w.contract.klaraForeignHrv}`),
      { lineOfBusinessId: w.line.PHV },
    );
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/out of what you can see/);
    expect(await firmSnapshot(t, w.firmId)).toBe(before);
  });

  it("adds, changes and removes assets and donations; invalid input names the field", async () => {
    const created = await w.klara.client.post<PortalAsset>(w.url(w.klaraFile, "assets"), {
      kind: "vehicle",
      description: "Bike",
      value: 800,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ kind: "vehicle", value: "800.00", currency: "EUR", editable: true });
    const list = await w.max.client.get<PortalAssetList>(w.url(w.klaraFile, "assets"));
    expect(list.body.assets.map((a) => a.id)).toContain(created.body.id);
    expect(list.body.canCreate).toBe(false);
    const bad = await w.klara.client.post(w.url(w.klaraFile, "assets"), {
      kind: "vehicle",
      description: "Bike",
      value: "12.345",
    });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(["value"]);
    const removed = await w.klara.client.delete(w.url(w.klaraFile, `assets/${created.body.id}`));
    expect(removed.status).toBe(204);
    expect((await auditOf(t.deps, w.firmId, created.body.id)).map((e) => e.action)).toEqual([
      "portal.asset.create",
      "portal.asset.delete",
    ]);
    expect((await w.klara.client.delete(w.url(w.klaraFile, `assets/${created.body.id}`))).status).toBe(404);

    const donation = await w.bernd.client.post<PortalDonation>(w.url(w.klaraFile, "donations"), {
      donorPersonId: w.person.klara,
      beneficiaryName: "Foundation",
      donationDate: "2025-03-01",
      amount: "250",
      kind: "cash",
    });
    expect(donation.status).toBe(201);
    expect(donation.body.donor).toEqual({ personId: w.person.klara, name: "Klara Muster" });
    const noParty = await w.bernd.client.patch(w.url(w.klaraFile, `donations/${donation.body.id}`), {
      beneficiaryName: null,
    });
    expect(noParty.status).toBe(400);
    expect(fieldsOf(noParty.body)).toEqual(["beneficiaryPersonId", "beneficiaryName"]);
    const changed = await w.bernd.client.patch<PortalDonation>(
      w.url(w.klaraFile, `donations/${donation.body.id}`),
      {
        amount: "300.00",
      },
    );
    expect(changed.body.amount).toBe("300.00");
    expect((await w.bernd.client.delete(w.url(w.klaraFile, `donations/${donation.body.id}`))).status).toBe(
      204,
    );
  });

  it("changes a person's contact details and an address; the file's search follows the email", async () => {
    const person = await w.bernd.client.patch<PortalPerson>(w.url(w.klaraFile, `persons/${w.person.lena}`), {
      email: " Lena@Example.TEST ",
      phone: "030 555123",
    });
    expect(person.status).toBe(200);
    expect(person.body).toMatchObject({ email: "lena@example.test", phoneE164: "+4930555123" });
    const badPhone = await w.bernd.client.patch(w.url(w.klaraFile, `persons/${w.person.lena}`), {
      phone: "12",
    });
    expect(badPhone.status).toBe(400);
    expect(fieldsOf(badPhone.body)).toEqual(["phone"]);
    const name = await w.bernd.client.patch(w.url(w.klaraFile, `persons/${w.person.lena}`), {
      firstName: "X",
    });
    expect(name.status).toBe(400);
    const [event] = await auditOf(t.deps, w.firmId, w.person.lena);
    expect(event).toMatchObject({ action: "portal.person.update", actorKind: "client" });
    const staffSearch = await w.owner.client.get<{ items: Array<{ id: string }> }>(
      "/api/client-files?q=lena@example",
    );
    expect(staffSearch.body.items.map((i) => i.id)).toEqual([w.klaraFile]);

    const address = await w.klara.client.patch<PortalAddress>(
      w.url(w.klaraFile, `addresses/${w.address.onHrv}`),
      {
        street: "Neuer Weg 2",
        country: "AT",
      },
    );
    expect(address.status).toBe(200);
    expect(address.body).toMatchObject({ street: "Neuer Weg 2", country: "AT" });
    const links = await w.klara.client.patch(w.url(w.klaraFile, `addresses/${w.address.onHrv}`), {
      contractIds: [],
    });
    expect(links.status).toBe(400);
  });

  it("records shown to nobody, or hidden from the viewer, answer 404", async () => {
    const hiddenClaimAddress = await w.klara.client.patch(
      w.url(w.klaraFile, `addresses/${w.address.onPhv}`),
      {
        city: "Köln",
      },
    );
    expect(hiddenClaimAddress.status).toBe(404);
    const hiddenContract = await w.klara.client.patch(
      w.url(w.klaraFile, `contracts/${w.contract.klaraPhv}`),
      {
        insurer: "X",
      },
    );
    expect(hiddenContract.status).toBe(404);
    const otherFilesAsset = await w.klara.client.patch(w.url(w.companyFile, `assets/${w.ids.asset}`), {
      value: 1,
    });
    expect(otherFilesAsset.status).toBe(404);
  });

  it("offers the active lines a contract held elsewhere may take and stay shown; others' ids answer 404", async () => {
    const linesFor = async (viewer: typeof w.klara) => {
      const res = await viewer.client.get<PortalLineOfBusinessList>(w.url(w.klaraFile, "lines-of-business"));
      expect(res.status).toBe(200);
      return res.body.linesOfBusiness;
    };
    // The grant shows HRV and KFZ contracts: PHV, though active, would take the contract out of sight.
    expect(await linesFor(w.klara)).toEqual([
      { id: w.line.HRV, code: "HRV", name: expect.any(String) },
      { id: w.line.KFZ, code: "KFZ", name: "Motor" },
    ]);
    // Nobody who may not change a contract is offered a line: Max reads, Bernd may not change contracts.
    expect(await linesFor(w.max)).toEqual([]);
    expect(await linesFor(w.bernd)).toEqual([]);
    await setLineActive(t.deps, w.firmId, w.line.HRV, false);
    try {
      expect((await linesFor(w.klara)).map((l) => l.code)).toEqual(["KFZ"]);
    } finally {
      await setLineActive(t.deps, w.firmId, w.line.HRV, true);
    }
    const changed = await w.klara.client.patch<PortalContract>(
      w.url(w.klaraFile, `contracts/${w.contract.klaraForeignHrv}`),
      { lineOfBusinessId: w.line.KFZ },
    );
    expect(changed.status).toBe(200);
    expect(changed.body.lineOfBusiness?.code).toBe("KFZ");

    const otherFirm = await createFirm(t.deps);
    const otherOwner = await signedInStaff(t, otherFirm.firmId, "advisor", "Otto Other");
    const otherFile = await createClientFile(t.deps, otherFirm.firmId, { caseOwnerId: otherOwner.userId });
    const base = "/api/portal/firms";
    for (const url of [
      `${base}/${otherFirm.firmId}/files/${w.klaraFile}/lines-of-business`,
      `${base}/${w.firmId}/files/${otherFile.id}/lines-of-business`,
      `${base}/${otherFirm.firmId}/files/${otherFile.id}/lines-of-business`,
    ]) {
      const res = await w.klara.client.get(url);
      expect(res.status, url).toBe(404);
    }
  });
});
