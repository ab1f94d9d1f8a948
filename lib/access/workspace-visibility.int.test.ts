import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { getDataset } from "@/lib/catalog/get-dataset";
import { createCast, createDataset, setupCatalogStorage } from "@/lib/catalog/test-support";
import { setDatasetVisibility } from "@/lib/catalog/set-visibility";
import { createFolder } from "@/lib/files/create-folder";
import { getRootFolder } from "@/lib/files/root-folder";
import { shareResource } from "@/lib/sharing/share-resource";
import { person } from "@/lib/sharing/test-support";
import { toFailure } from "@/lib/util/result";
import { getWorkspaceForActor } from "@/lib/workspaces/queries";
import { linkActor, workspaceVisibility } from ".";

setupTestDatabase();
setupCatalogStorage();

async function failureOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return toFailure(error);
  }
  return null;
}

/** A workspace (owner, admin, member) with one dataset that will be made public and one that stays private. */
async function world() {
  const cast = await createCast();
  const open = await createDataset(cast.owner, cast.workspace.id, "open.csv", "city,reading\nOslo,1\n");
  const closed = await createDataset(cast.owner, cast.workspace.id, "closed.csv", "city,reading\nBergen,2\n");
  return { ...cast, open: { id: open.datasetId }, closed: { id: closed.datasetId } };
}

describe("workspace visibility: one answer for pages and the API", () => {
  it("gives a non-member scope public when the workspace has a public dataset, and nothing else", async () => {
    const w = await world();
    const passerBy = await person("any");
    const url = [passerBy, w.workspace.owner, w.workspace.slug] as const;
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
    const [wholeGrantee, folderGrantee] = [await person("whole"), await person("part")];
    await shareResource(w.owner, "workspace", w.workspace.id, { grantees: [wholeGrantee.username!], role: "viewer" });
    const root = await getRootFolder(w.workspace.id);
    const folder = await createFolder(w.owner, { parentId: root.id, name: "reports" });
    await shareResource(w.owner, "folder", folder.id, { grantees: [folderGrantee.username!], role: "editor" });

    expect(await workspaceVisibility(w.owner, w.workspace)).toEqual({
      scope: "workspace",
      role: "owner",
      isMember: true,
    });
    expect(await workspaceVisibility(w.editor, w.workspace)).toEqual({
      scope: "workspace",
      role: "editor",
      isMember: true,
    });
    expect(await workspaceVisibility(w.admin, w.workspace)).toEqual({
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

    const scope = { id: "link-1", workspaceId: w.workspace.id, allowDownload: true, purpose: "read" as const };
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
