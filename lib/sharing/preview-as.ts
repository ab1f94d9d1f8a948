import "server-only";
import { getDataset } from "@/lib/catalog/get-dataset";
import { datasetColumnCounts, sliceWords } from "@/lib/scopes/grant-scope";
import { type Actor, type EffectiveRole, allows, assertCan, getEffectiveRole } from "@/lib/access";
import { listDatasets } from "@/lib/catalog/list-datasets";
import { getDb } from "@/lib/db";
import { findRootFolder } from "@/lib/files/root-folder";
import { listFolder } from "@/lib/files/list-folder";
import { notFound } from "@/lib/util/errors";
import { type ResourceType, resourceTypeSchema } from "./schemas";
import { loadSharedResource } from "./shared-resource";

export type PreviewItem = { type: "dataset" | "folder" | "file"; name: string };

export type AccessPreview = {
  grantee: string;
  /** the grantee's effective role on the resource (null: they cannot see it at all) */
  role: string | null;
  /** sees it (grid, statistics, previews) */
  canRead: boolean;
  /** may download or export it (false for view-only) */
  canDownload: boolean;
  canWrite: boolean;
  /** what the grantee sees of the workspace's catalog and of the resource's (or workspace's) top folder */
  datasets: { items: PreviewItem[]; total: number };
  files: { items: PreviewItem[]; total: number };
  pending: boolean;
  /** the grant's slice in words (null: the whole resource), with the rows the grantee sees of it when known */
  slice: { words: string; rows: number | null } | null;
};

const LIMIT = 20;

/**
 * "Preview as": what one grantee of a resource sees, computed by running the very listings the
 * grantee's own requests run (lib/access through the catalog and file services) with the
 * grantee as the actor, so it cannot disagree with what they get. Managers of the resource only.
 * A pending e-mail grantee has no account yet and sees nothing until they accept.
 */
export async function previewAccessAs(
  actor: Actor,
  type: ResourceType,
  id: string,
  shareId: string,
): Promise<AccessPreview> {
  const target = await loadSharedResource(resourceTypeSchema.parse(type), id);
  await assertCan(actor, "manage", target.resource);
  const share = await getDb().share.findFirst({
    where: { id: shareId, resourceType: type, resourceId: id },
    include: {
      granteeUser: { select: { id: true, email: true, username: true } },
      granteeWorkspace: { select: { name: true } },
    },
  });
  if (!share) throw notFound("That grant no longer exists.");
  const empty = { items: [], total: 0 };
  const words = sliceWords(
    share.scope,
    share.scopeBrokenAt,
    (await datasetColumnCounts(share.scope ? [id] : [])).get(id),
  );
  if (share.granteeType !== "user" || !share.granteeUser) {
    const grantee = share.granteeWorkspace?.name ?? share.granteeEmail ?? "";
    return {
      grantee,
      role: share.role,
      canRead: true,
      canDownload: allows(share.role as EffectiveRole, "read"),
      canWrite: allows(share.role as EffectiveRole, "write"),
      datasets: empty,
      files: empty,
      pending: share.granteeType === "email",
      slice: words ? { words, rows: null } : null,
    };
  }
  const grantee: Actor = {
    id: share.granteeUser.id,
    email: share.granteeUser.email,
    username: share.granteeUser.username,
  };
  const role = await getEffectiveRole(grantee, target.resource);
  const workspace = await getDb().workspace.findUniqueOrThrow({
    where: { id: target.workspace.id },
    select: { id: true, ownerId: true, slug: true },
  });
  const catalog = await listDatasets(grantee, { ...workspace, owner: target.workspace.owner }, { pageSize: LIMIT });
  const folderId = type === "folder" ? id : type === "workspace" ? (await findRootFolder(workspace.id))?.id : undefined;
  const folder =
    folderId && allows(role, "view") ? await listFolder(grantee, folderId, { limit: LIMIT }).catch(() => null) : null;
  return {
    grantee: share.granteeUser.username ?? share.granteeUser.email,
    role,
    canRead: allows(role, "view"),
    canDownload: allows(role, "read"),
    canWrite: allows(role, "write"),
    datasets: { items: catalog.items.map((d) => ({ type: "dataset" as const, name: d.name })), total: catalog.total },
    files: folder
      ? {
          items: folder.entries.map((e) => ({
            type: e.kind === "folder" ? ("folder" as const) : ("file" as const),
            name: e.name,
          })),
          total: folder.total,
        }
      : empty,
    pending: false,
    slice: words ? { words, rows: await sliceRowsSeenBy(grantee, type, id) } : null,
  };
}

/** The rows of a dataset the grantee's own reads return (their slice), or null when they read none. */
async function sliceRowsSeenBy(grantee: Actor, type: ResourceType, id: string): Promise<number | null> {
  if (type !== "dataset") return null;
  return getDataset(grantee, { id }).then(
    (view) => view.rowCount,
    () => null,
  );
}
