import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { person } from "./test-support";
import { type Actor, type Resource, getEffectiveRole } from "@/lib/access";
import { listMailbox } from "@/lib/email/mailbox";
import { createUser } from "@/lib/users/create-user";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { inviteMember, acceptInvitation } from "@/lib/workspaces/invitations";
import { addShareToWorkspace } from "./add-to-workspace";
import { bindPendingShares } from "./bind-pending-shares";
import { listKnownGranteeWorkspaces, listResourceAccess } from "./list-access";
import { revokeShare } from "./revoke-share";
import { acceptShareInvitation, describeShareInvitation } from "./share-invitations";
import { shareResource } from "./share-resource";
import { listSharedByMe, listSharedWithMe, pageSharedByMe, pageSharedWithMe } from "./shared-lists";
import { failure } from "@/test/failure";

const { db } = setupTestDatabase();
let n = 0;

async function team(owner: Actor, slug: string) {
  const w = await createWorkspace(owner, { name: slug, slug });
  const asResource = (): Resource => ({ type: "workspace", id: w.id, workspaceId: w.id, workspaceOwnerId: w.ownerId });
  const dataset = (id: string, visibility = "private"): Resource => ({
    type: "dataset",
    id,
    workspaceId: w.id,
    workspaceOwnerId: w.ownerId,
    visibility,
  });
  const file = (id: string, ancestorFolderIds: string[]): Resource => ({
    type: "file",
    id,
    workspaceId: w.id,
    workspaceOwnerId: w.ownerId,
    ancestorFolderIds,
  });
  const folder = (id: string, ancestorFolderIds: string[]): Resource => ({
    type: "folder",
    id,
    workspaceId: w.id,
    workspaceOwnerId: w.ownerId,
    ancestorFolderIds,
  });
  return { w, asResource, dataset, file, folder };
}

describe("sharing a workspace", () => {
  it("grants cascade to everything in it, roles change in place, and revocation holds on the next check", async () => {
    const alice = await person("alice");
    const bob = await person("bob");
    const { w, asResource, dataset, file } = await team(alice, "sales");
    expect(await getEffectiveRole(bob, asResource())).toBeNull();

    const [outcome] = await shareResource(alice, "workspace", w.id, {
      grantees: [bob.username!.toUpperCase()],
      role: "viewer",
      note: "Q3 numbers",
    });
    expect(outcome).toMatchObject({ change: "created", role: "viewer", granteeType: "user" });
    expect(await getEffectiveRole(bob, asResource())).toBe("viewer");
    expect(await getEffectiveRole(bob, dataset("created-later"))).toBe("viewer");
    expect(await getEffectiveRole(bob, file("any-file", ["f1", "f2"]))).toBe("viewer");

    const [mail] = await listMailbox({ to: bob.email });
    expect(mail).toMatchObject({ subject: `${alice.username} shared the workspace "sales" with you` });
    expect(mail!.text).toContain("Q3 numbers");
    expect(mail!.links.some((l) => l.endsWith(`/w/${alice.username}/sales`))).toBe(true);

    const [again] = await shareResource(alice, "workspace", w.id, { grantees: [bob.username!], role: "editor" });
    expect(again).toMatchObject({ change: "updated", role: "editor", shareId: outcome!.shareId });
    expect(await db().share.count({ where: { resourceId: w.id } })).toBe(1);
    expect(await getEffectiveRole(bob, dataset("d1"))).toBe("editor");

    await revokeShare(alice, outcome!.shareId);
    expect(await getEffectiveRole(bob, dataset("d1"))).toBeNull();
    const [ended] = await listMailbox({ to: bob.email });
    expect(ended!.subject).toBe('Your access to the workspace "sales" ended');
  });

  it("only managers share; others get the owner-only 403 or a 404, and nonsense is refused clearly", async () => {
    const alice = await person("alice");
    const member = await person("member");
    const admin = await person("admin");
    const stranger = await person("stranger");
    const { w } = await team(alice, "lab");
    await db().membership.createMany({
      data: [
        { workspaceId: w.id, userId: member.id, role: "member" },
        { workspaceId: w.id, userId: admin.id, role: "admin" },
      ],
    });

    expect(
      await failure(shareResource(member, "workspace", w.id, { grantees: [stranger.username!], role: "viewer" })),
    ).toMatchObject({ code: "forbidden", message: "Access can be managed by the owner only." });
    expect(
      await failure(shareResource(stranger, "workspace", w.id, { grantees: [member.username!], role: "viewer" })),
    ).toMatchObject({ code: "not_found" });
    expect(
      await failure(shareResource(alice, "workspace", w.id, { grantees: [alice.username!], role: "viewer" })),
    ).toMatchObject({ code: "invalid", message: "You cannot share with yourself." });
    expect(
      await failure(shareResource(alice, "workspace", w.id, { grantees: [admin.username!], role: "viewer" })),
    ).toMatchObject({ code: "invalid", message: expect.stringContaining("already manages") });
    expect(
      await failure(
        shareResource(alice, "workspace", w.id, { grantees: [stranger.username!], role: "owner" as never }),
      ),
    ).toMatchObject({
      code: "invalid",
      message: 'Role must be exactly "aggregate", "viewonly", "viewer" or "editor".',
    });
    expect(
      await failure(shareResource(alice, "workspace", w.id, { grantees: ["nobody-here"], role: "viewer" })),
    ).toMatchObject({ code: "invalid", message: expect.stringContaining('no user named "nobody-here"') });
    // admins are managers too
    await shareResource(admin, "workspace", w.id, { grantees: [stranger.username!], role: "viewer" });
    expect(await db().share.count({ where: { resourceId: w.id } })).toBe(1);
    expect(await failure(listResourceAccess(member, "workspace", w.id))).toMatchObject({ code: "forbidden" });
  });

  it("two simultaneous shares of the same grant produce one row", async () => {
    const alice = await person("alice");
    const bob = await person("bob");
    const { w } = await team(alice, "race");
    const results = await Promise.all([
      shareResource(alice, "workspace", w.id, { grantees: [bob.username!], role: "viewer" }),
      shareResource(alice, "workspace", w.id, { grantees: [bob.username!], role: "editor" }),
      shareResource(alice, "workspace", w.id, { grantees: [bob.username!.toUpperCase()], role: "viewer" }),
    ]);
    expect(results.flat()).toHaveLength(3);
    expect(await db().share.count({ where: { resourceId: w.id } })).toBe(1);
  });

  it("expired grants stop working", async () => {
    const alice = await person("alice");
    const bob = await person("bob");
    const { w, dataset } = await team(alice, "exp");
    const [grant] = await shareResource(alice, "workspace", w.id, {
      grantees: [bob.username!],
      role: "viewer",
      expiresAt: new Date(Date.now() + 60_000),
    });
    expect(await getEffectiveRole(bob, dataset("d"))).toBe("viewer");
    await db().share.update({ where: { id: grant!.shareId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await getEffectiveRole(bob, dataset("d"))).toBeNull();
    expect(
      await failure(
        shareResource(alice, "workspace", w.id, {
          grantees: [bob.username!],
          role: "viewer",
          expiresAt: new Date(Date.now() - 1000),
        }),
      ),
    ).toMatchObject({ message: "The expiry must be in the future." });
  });
});

describe("grants to e-mail addresses and workspaces", () => {
  it("a pending e-mail grant reaches only the account with that address, through a single-use invitation", async () => {
    const alice = await person("alice");
    const { w, dataset } = await team(alice, "inv");
    const [pending] = await shareResource(alice, "workspace", w.id, {
      grantees: ["Carol@Example.org"],
      role: "viewer",
      note: "welcome",
    });
    expect(pending).toMatchObject({ granteeType: "email", grantee: "carol@example.org" });
    const [mail] = await listMailbox({ to: "carol@example.org" });
    const link = mail!.links.find((l) => l.includes("/invite/share/"))!;
    const token = link.split("/invite/share/")[1]!;
    expect(await db().shareInvitation.count({ where: { tokenHash: token } })).toBe(0);

    const impostor = await person("mallory");
    expect(await getEffectiveRole(impostor, dataset("d"))).toBeNull();
    expect(await acceptShareInvitation(token, impostor)).toMatchObject({
      error: expect.stringContaining("sent to carol@example.org"),
    });

    expect(await describeShareInvitation(token)).toMatchObject({
      email: "carol@example.org",
      role: "viewer",
      sharer: alice.username,
    });
    const accepted = await acceptShareInvitation(token, null);
    expect(accepted).toMatchObject({
      url: expect.stringMatching(
        /^\/api\/auth\/callback\/email\?callbackUrl=%2Fw%2Falice\d+%2Finv&token=[0-9a-f]{64}&email=carol%40example.org$/,
      ),
    });
    expect(await acceptShareInvitation(token, null)).toMatchObject({ error: expect.any(String) }); // single use

    const carol = await createUser({ email: "carol@example.org", username: `carol${++n}` });
    await db().$transaction((tx) => bindPendingShares(tx, carol));
    expect(await getEffectiveRole(carol, dataset("d"))).toBe("viewer");
    expect(await db().share.findFirst({ where: { resourceId: w.id } })).toMatchObject({
      granteeType: "user",
      granteeUserId: carol.id,
      granteeEmail: "carol@example.org",
    });
  });

  it("a workspace grantee gives every member access; add-to-workspace (when allowed) adds a workspace grant; the dialog remembers the workspace", async () => {
    const alice = await person("alice");
    const bob = await person("bob");
    const erin = await person("erin");
    const outsider = await person("outsider");
    const { w, dataset } = await team(alice, "b2b");
    const { w: bobTeam } = await team(bob, "bobteam");
    await inviteMember(bob, bobTeam.id, { email: erin.email });
    const [invite] = await listMailbox({ to: erin.email });
    await acceptInvitation(erin, invite!.links.find((l) => l.includes("/invite/"))!.split("/invite/")[1]!);

    const [grant] = await shareResource(alice, "workspace", w.id, {
      grantees: [bob.username!],
      role: "editor",
      allowAddToWorkspace: true,
    });
    expect(await getEffectiveRole(erin, dataset("d"))).toBeNull();
    expect(await failure(addShareToWorkspace(erin, grant!.shareId, bobTeam.id))).toMatchObject({ code: "not_found" });
    await addShareToWorkspace(bob, grant!.shareId, bobTeam.id);
    expect(await getEffectiveRole(erin, dataset("d"))).toBe("editor");
    expect(await getEffectiveRole(bob, dataset("d"))).toBe("editor");
    expect(await getEffectiveRole(outsider, dataset("d"))).toBeNull();
    expect(await listKnownGranteeWorkspaces(alice, "workspace", w.id)).toEqual([
      { id: bobTeam.id, label: `${bob.username}/bobteam`, name: "bobteam" },
    ]);

    const withMe = await listSharedWithMe(erin);
    expect(withMe).toEqual([
      expect.objectContaining({ name: "b2b", role: "editor", via: `${bob.username}/bobteam`, sharedBy: bob.username }),
    ]);
    const byMe = await listSharedByMe(alice);
    expect(byMe.map((i) => [i.grantee, i.granteeType]).sort()).toEqual([
      [bob.username, "user"],
      [`${bob.username}/bobteam`, "workspace"],
    ]);
  });
});

describe("folder cascade and the access list", () => {
  it("Shared with me and Shared by me come in pages, newest first, say when there is more, and search in the query", async () => {
    const alice = await person("alice");
    const bob = await person("bob");
    for (const slug of ["first", "second", "third"]) {
      const { w } = await team(alice, slug);
      await shareResource(alice, "workspace", w.id, { grantees: [bob.username!], role: "viewer" });
    }
    const all = await pageSharedWithMe(bob, 3);
    expect(all.hasMore).toBe(false);
    expect(all.items.map((i) => i.name).sort()).toEqual(["first", "second", "third"]);
    const page = await pageSharedWithMe(bob, 2);
    expect(page.hasMore).toBe(true);
    expect(page.items.map((i) => i.shareId)).toEqual(all.items.slice(0, 2).map((i) => i.shareId));

    // Shared by me pages the same way, and its search is part of the query: it finds the oldest grant
    // even when only one row is asked for.
    const oldest = await pageSharedByMe(alice, { q: "FIRST" }, 1);
    expect(oldest).toEqual({
      hasMore: false,
      items: [expect.objectContaining({ name: "first", grantee: bob.username })],
    });
    const byGrantee = await pageSharedByMe(alice, { q: bob.username!.slice(0, -1) }, 2);
    expect(byGrantee.hasMore).toBe(true);
    expect((await pageSharedByMe(alice, { q: "nothing like it" }, 10)).items).toEqual([]);
    expect((await pageSharedByMe(bob, {}, 10)).items).toEqual([]);
  });

  it("a folder grant covers its subtree only, and the dialog shows where inherited access comes from", async () => {
    const alice = await person("alice");
    const bob = await person("bob");
    const { w, file, folder } = await team(alice, "files");
    // Folder rows are not needed for the access check itself: it works on the ancestry.
    await db().share.create({
      data: {
        workspaceId: w.id,
        resourceType: "folder",
        resourceId: "reports",
        granteeType: "user",
        granteeKey: `user:${bob.id}`,
        granteeUserId: bob.id,
        role: "editor",
        createdById: alice.id,
      },
    });
    expect(await getEffectiveRole(bob, folder("reports", ["root"]))).toBe("editor");
    expect(await getEffectiveRole(bob, folder("q3", ["root", "reports"]))).toBe("editor");
    expect(await getEffectiveRole(bob, file("new.csv", ["root", "reports", "q3"]))).toBe("editor");
    expect(await getEffectiveRole(bob, file("sibling.csv", ["root", "images"]))).toBeNull();
    expect(await getEffectiveRole(bob, folder("root", []))).toBeNull();

    await shareResource(alice, "workspace", w.id, { grantees: ["zed@example.net"], role: "viewer" });
    const rows = await listResourceAccess(alice, "workspace", w.id);
    expect(rows.map((r) => [r.kind, r.grantee, r.role, r.pending])).toEqual([
      ["owner", alice.username, "owner", false],
      ["grant", "zed@example.net", "viewer", true],
    ]);
  });
});
