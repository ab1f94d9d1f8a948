import "server-only";
import type { Actor } from "@/lib/access";
import { getDb } from "@/lib/db";
import { type AccessRow, listKnownGranteeWorkspaces, listResourceAccess } from "./list-access";
import type { ResourceType } from "./schemas";
import { getShareAllowAddDefault } from "./share-add-default";
import { loadSharedResource } from "./shared-resource";

export type AccessRowView = Omit<AccessRow, "expiresAt" | "createdAt"> & {
  expiresAt: string | null;
  createdAt: string | null;
};

export type ResourceAccessView = {
  /** a dataset's visibility, set in the same dialog; null for other resources */
  visibility: string | null;
  allowAddDefault: boolean;
  /** the resource's own page (path), for "Copy link": it opens for whoever has access */
  path: string;
  rows: AccessRowView[];
  workspaces: Awaited<ReturnType<typeof listKnownGranteeWorkspaces>>;
};

/**
 * Everything the share dialog's "Who has access" tab shows. Managers only: listResourceAccess
 * checks "manage" before anything else is read.
 */
export async function getResourceAccess(actor: Actor, type: ResourceType, id: string): Promise<ResourceAccessView> {
  const rows = await listResourceAccess(actor, type, id);
  const workspaces = await listKnownGranteeWorkspaces(actor, type, id);
  const dataset =
    type === "dataset" ? await getDb().dataset.findUnique({ where: { id }, select: { visibility: true } }) : null;
  const allowAddDefault = await getShareAllowAddDefault(actor, type, id);
  const { path } = await loadSharedResource(type, id);
  return {
    path,
    visibility: dataset ? String(dataset.visibility) : null,
    allowAddDefault,
    rows: rows.map((r) => ({
      ...r,
      expiresAt: r.expiresAt?.toISOString() ?? null,
      createdAt: r.createdAt?.toISOString() ?? null,
    })),
    workspaces,
  };
}
