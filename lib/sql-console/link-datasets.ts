import "server-only";
import { readableDatasetsWhere } from "@/lib/access/datasets";
import { getDb } from "@/lib/db";
import type { OpenedLink } from "@/lib/links/open-link";

/**
 * The console names of the datasets an access link covers (at most `limit`), for the link
 * console's list: the linked dataset, or a linked workspace's datasets through
 * readableDatasetsWhere. Folder and file links cover no dataset. Only a list for the page: every
 * run is checked again through lib/access.
 */
export async function linkConsoleDatasets(link: OpenedLink, limit = 50): Promise<string[]> {
  const { resource, workspace } = link.target;
  const prefix = `${workspace.owner}/${workspace.slug}/`;
  if (resource.type === "dataset") {
    const row = await getDb().dataset.findUnique({ where: { id: resource.id }, select: { slug: true } });
    return row ? [prefix + row.slug] : [];
  }
  if (resource.type !== "workspace") return [];
  const rows = await getDb().dataset.findMany({
    where: await readableDatasetsWhere(link.actor, { id: workspace.id, ownerId: resource.workspaceOwnerId }),
    orderBy: { slug: "asc" },
    take: limit,
    select: { slug: true },
  });
  return rows.map((r) => prefix + r.slug);
}
