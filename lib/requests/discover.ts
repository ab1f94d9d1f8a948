import "server-only";
import { z } from "zod";
import { type Actor, discoverableDatasetsWhere, getEffectiveRoles } from "@/lib/access";
import { datasetResource } from "@/lib/catalog/load-dataset";
import { datasetPath } from "@/lib/catalog/dataset-view";
import { searchWordsOf } from "@/lib/catalog/search-fold";
import { datasetSearchWhere } from "@/lib/catalog/search-text";
import { parseColumns } from "@/lib/catalog/types";
import { getDb } from "@/lib/db";

export const DISCOVER_PAGE_SIZE = 20;

const discoverQuery = z.object({
  q: z.string().trim().max(200, "Search for at most 200 characters.").default(""),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

export type DiscoverItem = {
  id: string;
  name: string;
  description: string;
  visibility: string;
  columns: number;
  rowCount: number;
  workspace: { name: string; slug: string; owner: string };
  path: string;
  /** whether the viewer can open its rows (member, grantee, or Public) or sees only the card */
  canOpen: boolean;
};

export type DiscoverPage = { items: DiscoverItem[]; total: number; page: number; pageSize: number; q: string };

/**
 * Discover: the Listed and Public datasets of every workspace (discoverableDatasetsWhere), searched
 * like the catalog (every word, accents and case ignored, in the name, description, tags or columns; never the card's README), a page at a time, newest first. Each says whether the viewer may open it or may only
 * request access; one access query for the whole page.
 */
export async function discoverDatasets(actor: Actor, raw: unknown): Promise<DiscoverPage> {
  const { q, page } = discoverQuery.parse(raw ?? {});
  const where = { AND: [discoverableDatasetsWhere(actor), ...datasetSearchWhere(searchWordsOf(q), { card: false })] };
  const db = getDb();
  const [total, rows] = await Promise.all([
    db.dataset.count({ where }),
    db.dataset.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * DISCOVER_PAGE_SIZE,
      take: DISCOVER_PAGE_SIZE,
      select: {
        id: true,
        name: true,
        slug: true,
        description: true,
        visibility: true,
        columns: true,
        rowCount: true,
        workspaceId: true,
        workspace: { select: { ownerId: true, name: true, slug: true, owner: { select: { username: true } } } },
      },
    }),
  ]);
  const roles = await getEffectiveRoles(actor, rows.map(datasetResource));
  const items = rows.map((row, i) => {
    const owner = row.workspace.owner.username ?? "";
    return {
      id: row.id,
      name: row.name,
      description: row.description,
      visibility: row.visibility,
      columns: parseColumns(row.columns).length,
      rowCount: Number(row.rowCount),
      workspace: { name: row.workspace.name, slug: row.workspace.slug, owner },
      path: datasetPath(owner, row.workspace.slug, row.slug),
      canOpen: roles[i] !== null,
    };
  });
  return { items, total, page, pageSize: DISCOVER_PAGE_SIZE, q };
}
