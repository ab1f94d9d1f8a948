import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { person } from "./test-support";
import { createEmptyDataset } from "@/lib/catalog/test-dataset";
import { failure } from "@/test/failure";
import { type Resource, getEffectiveRole } from "@/lib/access";
import { listMailbox } from "@/lib/email/mailbox";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { addShareToWorkspace } from "./add-to-workspace";
import { changeShareRole } from "./change-share";
import { listResourceAccess } from "./list-access";
import { listResourceHistory } from "./resource-history";
import { revokeShare } from "./revoke-share";
import { setShareAllowAddDefault } from "./share-add-default";
import { shareResource } from "./share-resource";

const { db } = setupTestDatabase();
let n = 0;

/** alice's workspace with an admin; vic, a viewer from outside, who manages his own team with a member. */
async function scene() {
  const alice = await person("alice");
  const admin = await person("admin");
  const vic = await person("vic");
  const mel = await person("mel");
  const w = await createWorkspace(alice, { name: "sales", slug: `sales${++n}` });
  await db().membership.create({ data: { workspaceId: w.id, userId: admin.id, role: "admin" } });
  const vicTeam = await createWorkspace(vic, { name: "victeam", slug: `victeam${++n}` });
  await db().membership.create({ data: { workspaceId: vicTeam.id, userId: mel.id, role: "member" } });
  const dataset = await createEmptyDataset({
    workspaceId: w.id,
    name: "revenue",
    slug: `revenue${++n}`,
    createdById: alice.id,
  });
  const resource: Resource = {
    type: "dataset",
    id: dataset.id,
    workspaceId: w.id,
    workspaceOwnerId: w.ownerId,
    visibility: "private",
  };
  return { alice, admin, vic, mel, w, vicTeam, dataset, resource };
}

describe("adding a shared dataset to one of the recipient's workspaces", () => {
  it("is refused with 403 unless the sharer allowed it on the grant", async () => {
    const { alice, vic, mel, vicTeam, dataset, resource } = await scene();
    const [grant] = await shareResource(alice, "dataset", dataset.id, { grantees: [vic.username!], role: "viewer" });
    expect(await failure(addShareToWorkspace(vic, grant!.shareId, vicTeam.id))).toMatchObject({
      code: "forbidden",
      message: expect.stringContaining("did not allow"),
    });
    expect(await getEffectiveRole(mel, resource)).toBeNull();
    expect(await getEffectiveRole(vic, resource)).toBe("viewer");
  });

  it("when allowed: adds a workspace grant capped at the recipient's role, keeps the recipient's own grant, and tells the sharer", async () => {
    const { alice, admin, vic, mel, vicTeam, dataset, resource } = await scene();
    const [grant] = await shareResource(alice, "dataset", dataset.id, {
      grantees: [vic.username!],
      role: "viewer",
      allowAddToWorkspace: true,
    });
    const added = await addShareToWorkspace(vic, grant!.shareId, vicTeam.id);
    expect(added.shareId).not.toBe(grant!.shareId);
    expect(await getEffectiveRole(mel, resource)).toBe("viewer");
    expect(await getEffectiveRole(vic, resource)).toBe("viewer");

    // the recipient's own grant is still there, and each one is revoked on its own
    const rows = await listResourceAccess(alice, "dataset", dataset.id);
    expect(rows.filter((r) => r.kind === "grant").map((r) => [r.grantee, r.role])).toEqual([
      [vic.username, "viewer"],
      [`${vic.username}/${vicTeam.slug}`, "viewer"],
    ]);
    // "Who has access" names the people the workspace grant reaches
    expect(
      rows
        .filter((r) => r.kind === "workspace-member")
        .map((r) => r.grantee)
        .sort(),
    ).toEqual([mel.username, vic.username].sort());

    // the sharer's managers are told by e-mail, and it is in the resource's history
    for (const manager of [alice, admin]) {
      const mails = await listMailbox({ to: manager.email });
      expect(mails.map((m) => m.subject)).toContain(
        `${vic.username} added revenue to the workspace ${vic.username}/${vicTeam.slug}`,
      );
    }
    const history = await listResourceHistory(alice, "dataset", dataset.id);
    expect(history[0]).toMatchObject({ action: "share.added_to_workspace", actor: vic.username });

    // lowering the recipient's role lowers the workspace grant; raising it does not raise it
    await changeShareRole(alice, grant!.shareId, "editor");
    expect(await getEffectiveRole(mel, resource)).toBe("viewer");
    await revokeShare(alice, added.shareId);
    expect(await getEffectiveRole(mel, resource)).toBeNull();
    expect(await getEffectiveRole(vic, resource)).toBe("editor");
  });

  it("never gives the workspace more than the recipient has, and ends with the recipient's grant", async () => {
    const { alice, vic, mel, vicTeam, dataset, resource } = await scene();
    const [grant] = await shareResource(alice, "dataset", dataset.id, {
      grantees: [vic.username!],
      role: "editor",
      allowAddToWorkspace: true,
    });
    await addShareToWorkspace(vic, grant!.shareId, vicTeam.id);
    expect(await getEffectiveRole(mel, resource)).toBe("editor");
    await changeShareRole(alice, grant!.shareId, "viewer");
    expect(await getEffectiveRole(mel, resource)).toBe("viewer");
    await revokeShare(alice, grant!.shareId);
    expect(await getEffectiveRole(vic, resource)).toBeNull();
    expect(await getEffectiveRole(mel, resource)).toBeNull();
  });

  it("once the sharer shares with that workspace directly, the workspace grant no longer ends with the recipient's", async () => {
    const { alice, vic, mel, vicTeam, dataset, resource } = await scene();
    const [grant] = await shareResource(alice, "dataset", dataset.id, {
      grantees: [vic.username!],
      role: "viewer",
      allowAddToWorkspace: true,
    });
    await addShareToWorkspace(vic, grant!.shareId, vicTeam.id);
    await shareResource(alice, "dataset", dataset.id, { grantees: [`workspace:${vicTeam.id}`], role: "editor" });
    await revokeShare(alice, grant!.shareId);
    expect(await getEffectiveRole(mel, resource)).toBe("editor");
  });

  it("a workspace setting makes new grants allow it by default; the sharer can still turn it off per grant", async () => {
    const { alice, vic, w, vicTeam, dataset } = await scene();
    const stranger = await person("stranger");
    expect(await failure(setShareAllowAddDefault(vic, w.id, true))).toMatchObject({ code: "not_found" });
    await setShareAllowAddDefault(alice, w.id, true);
    const [on] = await shareResource(alice, "dataset", dataset.id, { grantees: [vic.username!], role: "viewer" });
    await addShareToWorkspace(vic, on!.shareId, vicTeam.id);
    const [off] = await shareResource(alice, "dataset", dataset.id, {
      grantees: [stranger.username!],
      role: "viewer",
      allowAddToWorkspace: false,
    });
    const strangerTeam = await createWorkspace(stranger, { name: "st", slug: `st${++n}` });
    expect(await failure(addShareToWorkspace(stranger, off!.shareId, strangerTeam.id))).toMatchObject({
      code: "forbidden",
    });
  });
});
