import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { person } from "@/lib/sharing/test-support";
import { runJobOnce } from "@/lib/jobs/run-job";
import { setupTestDatabase } from "@/test/db";
import { sendExpiryReminders } from "./send-expiry-reminders";

const { db } = setupTestDatabase();
const DAY = 86_400_000;

let alice: Awaited<ReturnType<typeof person>>;
let workspaceId: string;

beforeAll(async () => {
  alice = await person("alice");
  workspaceId = (await db().workspace.findFirstOrThrow({ where: { ownerId: alice.id } })).id;
});

afterEach(() => {
  delete process.env.ACCESS_REMINDER_DAYS;
});

async function grant(expiresInDays: number | null) {
  const grantee = await person("grantee");
  const share = await db().share.create({
    data: {
      workspaceId,
      resourceType: "workspace",
      resourceId: workspaceId,
      granteeType: "user",
      granteeUserId: grantee.id,
      granteeKey: `user:${grantee.id}`,
      role: "viewer",
      createdById: alice.id,
      expiresAt: expiresInDays === null ? null : new Date(Date.now() + expiresInDays * DAY),
    },
  });
  return { share, grantee };
}

const reminders = (to: string) => db().outbox.findMany({ where: { kind: "expiry-reminder", to } });

describe("expiry reminders", () => {
  it("reminds the grantee and the sharer once, N days before a grant ends, whatever the number of runs", async () => {
    const { share, grantee } = await grant(2);
    const sharerBefore = (await reminders(alice.email)).length;
    await sendExpiryReminders(new Date());
    await sendExpiryReminders(new Date());
    const toGrantee = await reminders(grantee.email);
    expect(toGrantee).toHaveLength(1);
    expect(toGrantee[0]!.subject).toMatch(/^Your access to the workspace "Personal" ends soon$/);
    expect(toGrantee[0]!.text).toContain(share.expiresAt!.getUTCFullYear().toString());
    const toSharer = (await reminders(alice.email)).slice(sharerBefore);
    expect(toSharer).toHaveLength(1);
    expect(toSharer[0]!.subject).toBe(`${grantee.username}'s access to the workspace "Personal" ends soon`);
    expect(toSharer[0]!.text).toMatch(/extend|end date/i);
    const audited = (
      await db().auditEvent.findMany({ where: { action: "share.expiry_reminder_sent", resourceId: workspaceId } })
    ).filter((e) => (e.details as { grantee?: string }).grantee === share.granteeKey).length;
    expect(audited).toBe(2);
  });

  it("sends each reminder once when two runs go at the same time", async () => {
    const { grantee } = await grant(1);
    await Promise.all([
      sendExpiryReminders(new Date()),
      sendExpiryReminders(new Date()),
      sendExpiryReminders(new Date()),
    ]);
    expect(await reminders(grantee.email)).toHaveLength(1);
  });

  it("runs a job on one instance at a time: a concurrent run is skipped", async () => {
    const runs = await Promise.all([runJobOnce("expiry-reminders"), runJobOnce("expiry-reminders")]);
    expect(runs.filter((r) => r.ran)).toHaveLength(1);
    expect((await runJobOnce("expiry-reminders")).ran).toBe(true);
  });

  it("leaves grants that end later than N days, or never, alone", async () => {
    const { grantee: later } = await grant(5);
    const { grantee: never } = await grant(null);
    await sendExpiryReminders(new Date());
    expect(await reminders(later.email)).toHaveLength(0);
    expect(await reminders(never.email)).toHaveLength(0);
  });

  it("re-arms when the end date is extended: the new end date gets its own reminder", async () => {
    const { share, grantee } = await grant(2);
    await sendExpiryReminders(new Date());
    expect(await reminders(grantee.email)).toHaveLength(1);
    // extended out of the window: nothing now
    await db().share.update({ where: { id: share.id }, data: { expiresAt: new Date(Date.now() + 10 * DAY) } });
    await sendExpiryReminders(new Date());
    expect(await reminders(grantee.email)).toHaveLength(1);
    // ... and reminded again when the new end date comes near
    await sendExpiryReminders(new Date(Date.now() + 8 * DAY));
    await sendExpiryReminders(new Date(Date.now() + 8 * DAY));
    expect(await reminders(grantee.email)).toHaveLength(2);
  });

  it("honours ACCESS_REMINDER_DAYS, and 0 turns reminders off", async () => {
    const { grantee } = await grant(5);
    process.env.ACCESS_REMINDER_DAYS = "0";
    await sendExpiryReminders(new Date());
    expect(await reminders(grantee.email)).toHaveLength(0);
    process.env.ACCESS_REMINDER_DAYS = "7";
    await sendExpiryReminders(new Date());
    expect(await reminders(grantee.email)).toHaveLength(1);
  });

  it("reminds a link's maker before the link ends, but not for a revoked link", async () => {
    const maker = await person("maker");
    const makerWs = (await db().workspace.findFirstOrThrow({ where: { ownerId: maker.id } })).id;
    const link = (revokedAt: Date | null, label: string) =>
      db().accessLink.create({
        data: {
          workspaceId: makerWs,
          resourceType: "workspace",
          resourceId: makerWs,
          tokenHash: `hash-${label}`,
          prefix: `sl_${label}`,
          mode: "public",
          label,
          expiresAt: new Date(Date.now() + DAY),
          revokedAt,
          createdById: maker.id,
        },
      });
    await link(null, "board");
    await link(new Date(), "gone");
    await sendExpiryReminders(new Date());
    await sendExpiryReminders(new Date());
    const mails = await reminders(maker.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe(`Your access link “board” to the workspace "Personal" ends soon`);
  });

  it("tells a sharer or link maker nothing once they can no longer manage the resource", async () => {
    const formerAdmin = await person("former");
    const member = await db().membership.create({ data: { workspaceId, userId: formerAdmin.id, role: "admin" } });
    const grantee = await person("grantee");
    await db().share.create({
      data: {
        workspaceId,
        resourceType: "workspace",
        resourceId: workspaceId,
        granteeType: "user",
        granteeUserId: grantee.id,
        granteeKey: `user:${grantee.id}`,
        role: "viewer",
        createdById: formerAdmin.id,
        expiresAt: new Date(Date.now() + DAY),
      },
    });
    await db().accessLink.create({
      data: {
        workspaceId,
        resourceType: "workspace",
        resourceId: workspaceId,
        tokenHash: "hash-former",
        prefix: "sl_former",
        mode: "public",
        label: "former",
        expiresAt: new Date(Date.now() + DAY),
        createdById: formerAdmin.id,
      },
    });
    await db().membership.delete({ where: { id: member.id } });
    await sendExpiryReminders(new Date());
    expect(await reminders(formerAdmin.email)).toHaveLength(0);
    expect(await reminders(grantee.email)).toHaveLength(1);
  });
});
