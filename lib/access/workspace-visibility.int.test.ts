import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { getDataset } from "@/lib/catalog/get-dataset";
import { setDatasetVisibility } from "@/lib/catalog/set-visibility";
import { createFolder } from "@/lib/files/create-folder";
import { getRootFolder } from "@/lib/files/root-folder";
import { shareResource } from "@/lib/sharing/share-resource";
import { createUser } from "@/lib/users/create-user";
import { toFailure } from "@/lib/util/result";
import { getWorkspaceForActor } from "@/lib/workspaces/queries";
import { type Actor, linkActor, workspaceVisibility } from ".";

const { db } = setupTestDatabase();

let seq = 0;
async function person(name: string): Promise<Actor> {
  const u = await createUser({ email: `${name}${++seq}@example.com`, username: `${name}${seq}` });
  return { id: u.id, email: u.email, username: u.username };
}

async function failureOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return toFailure(error);
  }
  return null;
}

/** A workspace with one dataset that will be made public and one that stays private. */
async function world() {
  const owner = await person("own");
  const workspace = await db().workspace.create({ data: { ownerId: owner.id, slug: `v${++seq}`, name: "Vis" } });
  const dataset = (slug: string) =>
    db().dataset.create({
      data: {
        workspaceId: workspace.id,
        slug,
        name: slug,
        sortName: slug,
        searchText: slug,
        version: 1,
        columns: "[]",
        rowCount: 0n,
        sizeBytes: 0n,
        createdById: owner.id,
      },
    });
  const [open, closed] = [await dataset("open"), await dataset("closed")];
  return { owner, workspace, open, closed };
}

describe("workspace visibility: one answer for pages and the API", () => {
  it("gives a non-member scope public when the workspace has a public dataset, and nothing else", async () => {
    const w = await world();
    const passerBy = await person("any");
    const url = [passerBy, w.owner.username!, w.workspace.slug] as const;
    expect(await workspaceVisibility(passerBy, w.workspace)).toBeNull();

    await setDatasetVisibility(w.owner, w.open.id, "public");
    expect(await workspaceVisibility(passerBy, w.workspace)).toEqual({ scope: "public", role: null, isMember: false });
    // The dataset's page accepts that scope (the layout used to 404 here while the API answered)...
    expect(await getWorkspaceForActor(...url, { allowPublic: true })).toMatchObject({
      scope: "public",
      isMember: false,
    });
    expect(await failureOf(getDataset(passerBy, { id: w.open.id }))).toBeNull();
    // ...but nothing else of the workspace is theirs: no catalog list, files or settings, no private dataset.
    expect(await failureOf(getWorkspaceForActor(...url))).toMatchObject({ code: "not_found" });
    expect(await failureOf(getDataset(passerBy, { id: w.closed.id }))).toMatchObject({ code: "not_found" });

    await setDatasetVisibility(w.owner, w.open.id, "private");
    expect(await workspaceVisibility(passerBy, w.workspace)).toBeNull(); // on the very next request
  });

  it("ranks membership, a whole-workspace grant and a grant inside above public, and refuses link visitors", async () => {
    const w = await world();
    await setDatasetVisibility(w.owner, w.open.id, "public");
    const [member, wholeGrantee, folderGrantee] = [await person("mem"), await person("whole"), await person("part")];
    await db().membership.create({ data: { workspaceId: w.workspace.id, userId: member.id, role: "admin" } });
    await shareResource(w.owner, "workspace", w.workspace.id, { grantees: [wholeGrantee.username!], role: "viewer" });
    const root = await getRootFolder(w.workspace.id);
    const folder = await createFolder(w.owner, { parentId: root.id, name: "reports" });
    await shareResource(w.owner, "folder", folder.id, { grantees: [folderGrantee.username!], role: "editor" });

    expect(await workspaceVisibility(w.owner, w.workspace)).toEqual({
      scope: "workspace",
      role: "owner",
      isMember: true,
    });
    expect(await workspaceVisibility(member, w.workspace)).toEqual({
      scope: "workspace",
      role: "manager",
      isMember: true,
    });
    expect(await workspaceVisibility(wholeGrantee, w.workspace)).toEqual({
      scope: "workspace",
      role: "viewer",
      isMember: false,
    });
    expect(await workspaceVisibility(folderGrantee, w.workspace)).toEqual({
      scope: "shared",
      role: null,
      isMember: false,
    });

    const scope = { id: "link-1", workspaceId: w.workspace.id };
    expect(
      await workspaceVisibility(linkActor({ ...scope, resourceType: "folder", resourceId: folder.id }), w.workspace),
    ).toBeNull();
    expect(
      await workspaceVisibility(
        linkActor({ ...scope, resourceType: "workspace", resourceId: w.workspace.id }),
        w.workspace,
      ),
    ).toMatchObject({ scope: "workspace", role: "viewer" });
  });
});
