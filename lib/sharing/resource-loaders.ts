import "server-only";
import { datasetPath } from "@/lib/catalog/dataset-view";
import { getDb } from "@/lib/db";
import type { SharedResource } from "./shared-resource";

const workspaceInclude = { workspace: { include: { owner: { select: { username: true } } } } } as const;

type WorkspaceRow = { id: string; slug: string; name: string; ownerId: string; owner: { username: string | null } };

function workspaceOf(w: WorkspaceRow): SharedResource["workspace"] {
  return { id: w.id, slug: w.slug, name: w.name, owner: w.owner.username ?? "" };
}

const base = (w: SharedResource["workspace"]) => `/w/${w.owner}/${w.slug}`;

export async function loadDatasets(ids: string[]): Promise<SharedResource[]> {
  const rows = await getDb().dataset.findMany({ where: { id: { in: ids } }, include: workspaceInclude });
  return rows.map((d) => {
    const workspace = workspaceOf(d.workspace);
    return {
      resource: { type: "dataset", id: d.id, workspaceId: d.workspaceId, workspaceOwnerId: d.workspace.ownerId, visibility: d.visibility },
      name: d.name,
      label: `the dataset "${d.name}"`,
      path: datasetPath(workspace.owner, workspace.slug, d.slug),
      workspace,
    };
  });
}

/** Folders and files: their URL is the folder path by names (files open in their folder). */
export async function loadFileEntries(ids: string[]): Promise<SharedResource[]> {
  const db = getDb();
  const rows = await db.fileEntry.findMany({ where: { id: { in: ids }, trashedAt: null }, include: workspaceInclude });
  const ancestorIds = [...new Set(rows.flatMap((r) => r.ancestry.split("/").filter(Boolean)))];
  const names = new Map((await db.fileEntry.findMany({ where: { id: { in: ancestorIds } }, select: { id: true, name: true, parentId: true } })).map((f) => [f.id, f]));
  return rows.map((e) => {
    const workspace = workspaceOf(e.workspace);
    // The root folder (no parent) has no name in URLs.
    const folderNames = e.ancestry.split("/").filter(Boolean).map((id) => names.get(id)).filter((f) => f && f.parentId).map((f) => encodeURIComponent(f!.name));
    const isFolder = e.kind === "folder";
    const segments = isFolder && e.parentId ? [...folderNames, encodeURIComponent(e.name)] : folderNames;
    const path = `${base(workspace)}/files${segments.length ? `/${segments.join("/")}` : ""}${isFolder ? "" : `?file=${e.id}`}`;
    return {
      resource: { type: isFolder ? "folder" : "file", id: e.id, workspaceId: e.workspaceId, workspaceOwnerId: e.workspace.ownerId, ancestorFolderIds: e.ancestry.split("/").filter(Boolean) },
      name: e.parentId ? e.name : "All files",
      label: isFolder ? `the folder "${e.parentId ? e.name : "All files"}"` : `the file "${e.name}"`,
      path,
      workspace,
    };
  });
}
