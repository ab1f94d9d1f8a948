import { afterEach, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { person } from "./test-support";
import { failure } from "@/test/failure";
import { POST as shareDatasetRoute } from "@/app/api/v1/permissions/datasets/[owner]/[namespace]/[datasetName]/shares/route";
import type { Actor } from "@/lib/access";
import { listMailbox } from "@/lib/email/mailbox";
import { createApiToken } from "@/lib/tokens/api-tokens";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { createEmptyDataset } from "@/lib/catalog/test-dataset";
import { inviteMember } from "@/lib/workspaces/invitations";
import { changeShareRole, resendShareEmail } from "./change-share";
import { shareResource } from "./share-resource";

const { db } = setupTestDatabase();
let n = 0;

async function dataset(owner: Actor & { id: string }) {
  const w = await createWorkspace(owner, { name: "data", slug: `data${++n}` });
  const d = await createEmptyDataset({ workspaceId: w.id, slug: `table${++n}`, createdById: owner.id });
  return { w, d };
}

/** Lets the Resend pause (SHARE_RESEND_MINUTES) pass for the mails sent so far. */
const laterOn = () => db().shareMailLog.updateMany({ data: { createdAt: new Date(Date.now() - 11 * 60_000) } });
const mailsTo = async (email: string) => (await listMailbox({ to: email })).length;
const outbox = () => db().outbox.count();

afterEach(() => {
  delete process.env.SHARE_MAIL_MAX_PER_HOUR;
  delete process.env.SHARE_MAIL_MAX_PER_DAY;
});

describe("share e-mail is limited per sender", () => {
  it("refuses (429, a clear message, nothing written) once a sender e-mails too many new external addresses in an hour", async () => {
    process.env.SHARE_MAIL_MAX_PER_HOUR = "5";
    const mallory = await person("mallory");
    const { d } = await dataset(mallory);
    const batch = (from: number, to: number) =>
      Array.from({ length: to - from }, (_, i) => `victim${from + i}@example.net`);
    await shareResource(mallory, "dataset", d.id, { grantees: batch(0, 3), role: "viewer", note: "attacker text" });
    const before = await outbox();
    const refused = await failure(
      shareResource(mallory, "dataset", d.id, { grantees: batch(3, 6), role: "viewer", note: "attacker text" }),
    );
    expect(refused).toMatchObject({
      code: "rate_limited",
      message: expect.stringContaining("at most 5 new people outside your workspaces per hour"),
    });
    expect(await outbox()).toBe(before);
    expect(await db().share.count({ where: { resourceId: d.id } })).toBe(3);
    // still within the limit: two more
    await shareResource(mallory, "dataset", d.id, { grantees: batch(3, 5), role: "viewer" });
    expect(await db().share.count({ where: { resourceId: d.id } })).toBe(5);
  });

  it("has a daily limit too, and people in the sender's own workspaces do not count", async () => {
    process.env.SHARE_MAIL_MAX_PER_DAY = "2";
    const alice = await person("alice");
    const colleague = await person("colleague");
    const { w, d } = await dataset(alice);
    await db().membership.create({ data: { workspaceId: w.id, userId: colleague.id, role: "member" } });
    const other = await dataset(alice);
    await shareResource(alice, "dataset", d.id, { grantees: ["one@example.net", "two@example.net"], role: "viewer" });
    expect(
      await failure(shareResource(alice, "dataset", d.id, { grantees: ["three@example.net"], role: "viewer" })),
    ).toMatchObject({ code: "rate_limited", message: expect.stringContaining("per day") });
    // a colleague is no external address
    await shareResource(alice, "dataset", other.d.id, { grantees: [colleague.username!], role: "viewer" });
    expect(await mailsTo(colleague.email)).toBe(1);
  });

  it("answers 429 in the API", async () => {
    process.env.SHARE_MAIL_MAX_PER_HOUR = "1";
    const mallory = await person("mallory");
    const { w, d } = await dataset(mallory);
    const { token } = await createApiToken(mallory.id, { name: "t" });
    const post = (email: string) =>
      shareDatasetRoute(
        new Request(`http://localhost/api/v1/permissions/datasets/${mallory.username}/${w.slug}/${d.slug}/shares`, {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify({ email, role: "viewer" }),
        }),
        { params: Promise.resolve({ owner: mallory.username!, namespace: w.slug, datasetName: d.slug }) },
      );
    expect((await post("first@example.net")).status).toBe(200);
    const refused = await post("second@example.net");
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({
      code: "rate_limited",
      error: expect.stringContaining("at most 1 new people"),
    });
  });
});

describe("no e-mail unless something new happens or Resend is pressed", () => {
  it("sharing again and changing the role send nothing; Resend sends, but not twice in a row", async () => {
    const alice = await person("alice");
    const bob = await person("bob");
    const { d } = await dataset(alice);
    const [grant] = await shareResource(alice, "dataset", d.id, { grantees: [bob.username!], role: "viewer" });
    expect(await mailsTo(bob.email)).toBe(1);
    await shareResource(alice, "dataset", d.id, { grantees: [bob.username!], role: "editor", note: "again" });
    await shareResource(alice, "dataset", d.id, { grantees: [bob.username!], role: "editor" });
    await changeShareRole(alice, grant!.shareId, "viewer");
    expect(await mailsTo(bob.email)).toBe(1);

    const tooSoon = await failure(resendShareEmail(alice, grant!.shareId));
    expect(tooSoon).toMatchObject({ code: "rate_limited", message: expect.stringContaining("a moment ago") });
    expect(tooSoon.message).not.toContain(bob.email);
    await laterOn();
    await resendShareEmail(alice, grant!.shareId);
    const mails = await listMailbox({ to: bob.email });
    expect(mails).toHaveLength(2);
    expect(mails[0]!.subject).toBe(
      `${alice.username} shared ${d.name} with you`.replace(d.name, `the dataset "${d.name}"`),
    );
    expect(await failure(resendShareEmail(alice, grant!.shareId))).toMatchObject({ code: "rate_limited" });
    expect(await mailsTo(bob.email)).toBe(2);
  });

  it("a repeated share by e-mail sends no second invitation; Resend sends a fresh one", async () => {
    const alice = await person("alice");
    const { d } = await dataset(alice);
    const [grant] = await shareResource(alice, "dataset", d.id, { grantees: ["new@example.net"], role: "viewer" });
    await shareResource(alice, "dataset", d.id, { grantees: ["new@example.net"], role: "viewer" });
    expect(await mailsTo("new@example.net")).toBe(1);
    await laterOn();
    await resendShareEmail(alice, grant!.shareId);
    expect(await mailsTo("new@example.net")).toBe(2);
    expect(await db().shareInvitation.count({ where: { shareId: grant!.shareId } })).toBe(1);
  });
});

describe("workspace invitations count as share mail", () => {
  it("inviting many addresses hits the same hourly limit, and re-inviting at once is refused", async () => {
    process.env.SHARE_MAIL_MAX_PER_HOUR = "2";
    const alice = await person("alice");
    const w = await createWorkspace(alice, { name: "team", slug: `team${++n}` });
    await inviteMember(alice, w.id, { email: "a@example.net" });
    expect(await failure(inviteMember(alice, w.id, { email: "a@example.net" }))).toMatchObject({
      code: "rate_limited",
    });
    await inviteMember(alice, w.id, { email: "b@example.net" });
    expect(await failure(inviteMember(alice, w.id, { email: "c@example.net" }))).toMatchObject({
      code: "rate_limited",
      message: expect.stringContaining("per hour"),
    });
    expect(await mailsTo("c@example.net")).toBe(0);
  });
});
