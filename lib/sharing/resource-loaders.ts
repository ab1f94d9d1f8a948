import "server-only";
import { datasetPath } from "@/lib/catalog/dataset-view";
import { getDb } from "@/lib/db";
import type { SharedResource } from "./shared-resource";

type WorkspaceOf = SharedResource["workspace"] & { ownerId: string };

const base = (w: SharedResource["workspace"]) => `/w/${w.owner}/${w.slug}`;

/**
 * The workspaces of many resources, each read once: lists of a thousand grants usually point
 * into a handful of workspaces, and repeating the workspace on every row would dominate.
 */
async function loadWorkspaceInfo(ids: string[]): Promise<Map<string, WorkspaceOf>> {
  if (ids.length === 0) return new Map();
  const rows = await getDb().workspace.findMany({
    where: { id: { in: [...new Set(ids)] } },
    select: { id: true, slug: true, name: true, ownerId: true, owner: { select: { username: true } } },
  });
  return new Map(
    rows.map((w) => [
      w.id,
      { id: w.id, slug: w.slug, name: w.name, owner: w.owner.username ?? "", ownerId: w.ownerId },
    ]),
  );
}

const publicPart = (w: WorkspaceOf): SharedResource["workspace"] => ({
  id: w.id,
  slug: w.slug,
  name: w.name,
  owner: w.owner,
});

export async function loadWorkspaces(ids: string[]): Promise<SharedResource[]> {
  return [...(await loadWorkspaceInfo(ids)).values()].map((w) => ({
    resource: { type: "workspace", id: w.id, workspaceId: w.id, workspaceOwnerId: w.ownerId },
    name: w.name,
    label: `the workspace "${w.name}"`,
    path: base(w),
    workspace: publicPart(w),
  }));
}

export async function loadDatasets(ids: string[]): Promise<SharedResource[]> {
  const rows = await getDb().dataset.findMany({
    where: { id: { in: ids } },
    select: { id: true, name: true, slug: true, visibility: true, workspaceId: true },
  });
  const workspaces = await loadWorkspaceInfo(rows.map((d) => d.workspaceId));
  return rows.flatMap((d) => {
    const w = workspaces.get(d.workspaceId);
    if (!w) return [];
    const workspace = publicPart(w);
    return [
      {
        resource: {
          type: "dataset",
          id: d.id,
          workspaceId: d.workspaceId,
          workspaceOwnerId: w.ownerId,
          visibility: d.visibility,
        },
        name: d.name,
        label: `the dataset "${d.name}"`,
        path: datasetPath(workspace.owner, workspace.slug, d.slug),
        workspace,
      },
    ];
  });
}

/** Folders and files: their URL is the folder path by names (files open in their folder). */
export async function loadFileEntries(ids: string[]): Promise<SharedResource[]> {
  const db = getDb();
  const rows = await db.fileEntry.findMany({
    where: { id: { in: ids }, trashedAt: null },
    select: { id: true, name: true, kind: true, parentId: true, ancestry: true, workspaceId: true },
  });
  const ancestorIds = [...new Set(rows.flatMap((r) => r.ancestry.split("/").filter(Boolean)))];
  const [ancestors, workspaces] = await Promise.all([
    ancestorIds.length
      ? db.fileEntry.findMany({ where: { id: { in: ancestorIds } }, select: { id: true, name: true, parentId: true } })
      : [],
    loadWorkspaceInfo(rows.map((e) => e.workspaceId)),
  ]);
  const names = new Map(ancestors.map((f) => [f.id, f]));
  return rows.flatMap((e) => {
    const w = workspaces.get(e.workspaceId);
    if (!w) return [];
    const workspace = publicPart(w);
    // The root folder (no parent) has no name in URLs.
    const folderNames = e.ancestry
      .split("/")
      .filter(Boolean)
      .map((id) => names.get(id))
      .filter((f) => f && f.parentId)
      .map((f) => encodeURIComponent(f!.name));
    const isFolder = e.kind === "folder";
    const segments = isFolder && e.parentId ? [...folderNames, encodeURIComponent(e.name)] : folderNames;
    const path = `${base(workspace)}/files${segments.length ? `/${segments.join("/")}` : ""}${isFolder ? "" : `?file=${e.id}`}`;
    return [
      {
        resource: {
          type: isFolder ? "folder" : "file",
          id: e.id,
          workspaceId: e.workspaceId,
          workspaceOwnerId: w.ownerId,
          ancestorFolderIds: e.ancestry.split("/").filter(Boolean),
        },
        name: e.parentId ? e.name : "All files",
        label: isFolder ? `the folder "${e.parentId ? e.name : "All files"}"` : `the file "${e.name}"`,
        path,
        workspace,
      },
    ];
  });
}
