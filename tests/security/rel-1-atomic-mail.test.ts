import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GrantDetail } from "../../contracts/grants.js";
import { loadActor } from "../../server/modules/access/actor.js";
import type { StaffActor } from "../../server/modules/access/staff.policy.js";
import { inviteGrantee } from "../../server/modules/invitations/invitations.service.js";
import { inFirm } from "../../server/platform/db/scope.js";
import { createGrantsWorld, type GrantsWorld } from "../support/factories-grants.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

const COUNT = Number(process.env.REL1_COUNT ?? 10_000);
const PARALLEL = 4;

class ForcedRollback extends Error {}

describe("REL-1 email enqueued atomically", () => {
  let t: TestApp;
  let w: GrantsWorld;
  let actor: StaffActor;
  let grantId: string;
  let granteeIds: string[];
  beforeAll(async () => {
    // A web-only process: the mails stay queued, so what is counted is what was enqueued.
    t = await startTestApp({ env: { ATRIUM_ROLE: "web" } });
    w = await createGrantsWorld(t);
    actor = (await loadActor(t.deps.database, {
      id: w.owner.userId,
      name: w.owner.name,
      email: w.owner.email,
      language: "en",
    })) as StaffActor;
    const grant = await w.owner.client.post<GrantDetail>("/api/grants", {
      name: "Viele",
      fileIds: [w.klaraFile],
    });
    grantId = grant.body.id;
    const { rows } = await t.deps.database.owner.query<{ id: string }>(
      `insert into grantees (firm_id, id, grant_id, email, name, status)
       select $1::uuid, gen_random_uuid(), $2::uuid, 'rel1-' || n || '@example.test', 'Person ' || n, 'pending'
         from generate_series(1, $3::int) n
       returning id`,
      [w.firmId, grantId, COUNT],
    );
    granteeIds = rows.map((r) => r.id);
  }, 120_000);
  afterAll(() => t?.close());

  it(`REL-1 ${COUNT} invitations with 10% forced rollbacks: queued mails equal committed invitations exactly`, async () => {
    const rolledBack = new Set(granteeIds.filter((_, i) => i % 10 === 3));
    let next = 0;
    const worker = async () => {
      while (next < granteeIds.length) {
        const granteeId = granteeIds[next++] as string;
        const at = t.clock.now();
        await inFirm(t.deps.database, w.firmId, async (tx) => {
          const work = {
            tx,
            actor,
            audit: {
              actorUserId: actor.user.id,
              actorName: actor.user.name,
              actorKind: "staff" as const,
              ip: null,
              userAgent: null,
              at,
            },
          };
          await inviteGrantee(work, t.deps, grantId, granteeId, {});
          // The invitation, its mail and its delivery job were all written: now the change fails.
          if (rolledBack.has(granteeId)) throw new ForcedRollback();
        }).catch((error) => {
          if (!(error instanceof ForcedRollback)) throw error;
        });
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));

    const { rows } = await t.deps.database.owner.query<{
      invitations: string;
      mails: string;
      jobs: string;
      orphans: string;
    }>(
      `select (select count(*) from client_invitations where firm_id = $1 and grant_id = $2) as invitations,
              (select count(*) from mail_outbox o where o.firm_id = $1 and o.template = 'client-invitation'
                  and o.to_address like 'rel1-%') as mails,
              (select count(*) from pgboss.job j join mail_outbox o on o.id = (j.data->>'outboxId')::uuid
                where j.name = 'mail.deliver' and o.to_address like 'rel1-%') as jobs,
              (select count(*) from mail_outbox o where o.to_address like 'rel1-%' and not exists (
                  select 1 from client_invitations i where i.firm_id = o.firm_id
                     and i.id = (o.meta->>'invitationId')::uuid)) as orphans`,
      [w.firmId, grantId],
    );
    const counts = rows[0];
    const committed = COUNT - rolledBack.size;
    expect(Number(counts?.invitations)).toBe(committed);
    expect(Number(counts?.mails)).toBe(committed);
    expect(Number(counts?.jobs)).toBe(committed);
    expect(Number(counts?.orphans)).toBe(0);
  }, 900_000);
});
