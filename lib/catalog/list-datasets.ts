import "server-only";
import { z } from "zod";
import type { Actor, WorkspaceRef } from "@/lib/access";
import { datasetShareCounts, readableDatasetsWhere } from "@/lib/access/datasets";
import { countsForReader } from "./listed-counts";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/sqlite/client";
import { searchWordsOf } from "./search-fold";
import { datasetSearchWhere } from "./search-text";
import { datasetPath } from "./dataset-view";
import { type Visibility, parseTags } from "./types";

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), schema.optional()).catch(undefined);

/** Catalog page parameters, as they come from the URL; anything malformed falls back to its default. */
export const catalogParamsSchema = z.object({
  q: z.string().trim().max(200).catch("").default(""),
  tag: optional(z.string().trim().toLowerCase().max(32)),
  visibility: optional(z.enum(["private", "listed", "public"])),
  sort: z.enum(["updated", "name", "size"]).catch("updated").default("updated"),
  dir: optional(z.enum(["asc", "desc"])),
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).catch(24).default(24),
});
export type CatalogParams = z.output<typeof catalogParamsSchema>;

export type DatasetCard = {
  id: string;
  slug: string;
  name: string;
  description: string;
  tags: string[];
  /** null: not shown to this reader (totals only, below their minimum group size) */
  rowCount: number | null;
  /** null: not shown to this reader (a slice or totals only) */
  sizeBytes: number | null;
  version: number;
  updatedAt: string;
  visibility: Visibility;
  /** live grants on the dataset (0 = not shared) */
  shares: number;
  path: string;
};

export type CatalogPage = {
  items: DatasetCard[];
  total: number;
  page: number;
  pageCount: number;
  params: CatalogParams;
  /** every tag of the datasets the actor can see here, with how many carry it */
  tags: { tag: string; count: number }[];
};

/** The order each sort starts in when the URL names no direction: newest, A–Z, largest first. */
export const DEFAULT_DIR = { updated: "desc", name: "asc", size: "desc" } as const;

function orderBy(sort: CatalogParams["sort"], dir: "asc" | "desc"): Prisma.DatasetOrderByWithRelationInput[] {
  const key = sort === "name" ? { sortName: dir } : sort === "size" ? { sizeBytes: dir } : { updatedAt: dir };
  return [key, { id: dir }];
}

/**
 * One page of a workspace's catalog for the actor: search (every word must occur in the name,
 * description, tags or column names), tag and visibility filters, sorted by name, last update
 * or size. Only datasets readableDatasetsWhere allows are listed or counted.
 */
export async function listDatasets(
  actor: Actor,
  workspace: WorkspaceRef & { slug: string; owner: string },
  input: unknown = {},
): Promise<CatalogPage> {
  const params = catalogParamsSchema.parse(input ?? {});
  const readable = await readableDatasetsWhere(actor, workspace);
  const words = searchWordsOf(params.q);
  const where: Prisma.DatasetWhereInput = {
    AND: [
      readable,
      ...datasetSearchWhere(words),
      ...(params.tag ? [{ tagRows: { some: { tag: params.tag } } }] : []),
      ...(params.visibility ? [{ visibility: params.visibility }] : []),
    ],
  };
  const db = getDb();
  const dir = params.dir ?? DEFAULT_DIR[params.sort];
  const [total, rows, tagRows] = await Promise.all([
    db.dataset.count({ where }),
    db.dataset.findMany({
      where,
      orderBy: orderBy(params.sort, dir),
      skip: (params.page - 1) * params.pageSize,
      take: params.pageSize,
      select: {
        id: true,
        slug: true,
        name: true,
        description: true,
        tags: true,
        rowCount: true,
        sizeBytes: true,
        version: true,
        updatedAt: true,
        visibility: true,
      },
    }),
    db.datasetTag.groupBy({
      by: ["tag"],
      where: "OR" in readable ? { workspaceId: workspace.id, dataset: readable } : { workspaceId: workspace.id },
      _count: { _all: true },
      orderBy: { tag: "asc" },
    }),
  ]);
  const shares = await datasetShareCounts(rows.map((r) => r.id));
  // A workspace's members read everything in it; only a reader through grants may see a slice or totals only.
  const listed = rows.map((r) => ({ ...r, rowCount: Number(r.rowCount), sizeBytes: Number(r.sizeBytes) }));
  const shown = "OR" in readable ? await countsForReader(actor, workspace, listed) : listed;
  return {
    items: shown.map((r) => ({
      id: r.id,
      slug: r.slug,
      name: r.name,
      description: r.description,
      tags: parseTags(r.tags),
      rowCount: r.rowCount,
      sizeBytes: r.sizeBytes,
      version: r.version,
      updatedAt: r.updatedAt.toISOString(),
      visibility: r.visibility,
      shares: shares.get(r.id) ?? 0,
      path: datasetPath(workspace.owner, workspace.slug, r.slug),
    })),
    total,
    page: params.page,
    pageCount: Math.max(1, Math.ceil(total / params.pageSize)),
    params,
    tags: tagRows.map((t) => ({ tag: t.tag, count: t._count._all })),
  };
}
