import "server-only";
import { type EffectiveRole, allows } from "@/lib/access";
import { getDb } from "@/lib/db";
import { parseCard } from "./card/card-schema";
import { type CardView, toCardView } from "./card/card-view";
import { type Scope, describeScope, visibleColumns } from "@/lib/scopes";
import { getBlobStore } from "@/lib/storage";
import { sliceRowCount } from "./run-query";
import type { DatasetRow } from "./load-dataset";
import { type Column, type Visibility, parseColumns, parseTags } from "./types";

/** What pages and the API show of a dataset: plain JSON-safe values, plus what the viewer may do. */
export type DatasetView = {
  id: string;
  slug: string;
  name: string;
  description: string;
  tags: string[];
  visibility: Visibility;
  version: number;
  columns: Column[];
  /** for a scoped reader: the rows of their slice */
  rowCount: number;
  /** 0 for a scoped reader (the whole file's size would tell how much is hidden) */
  sizeBytes: number;
  /** the slice the viewer is limited to, in words ("rows where region = North; 5 of 8 columns"); null: all of it */
  slice: string | null;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  updatedBy: string | null;
  workspace: { id: string; slug: string; name: string; owner: string };
  /** /w/{owner}/{workspace}/catalog/{slug} */
  path: string;
  role: EffectiveRole;
  /** false for view-only access: the grid and statistics, no downloads or exports */
  canDownload: boolean;
  canWrite: boolean;
  canManage: boolean;
  /** the dataset card (README, license, citation, source, column descriptions) and its revision */
  card: CardView;
};

/** Usernames for user ids (deleted users are absent). */
export async function usernamesOf(ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return new Map();
  const users = await getDb().user.findMany({
    where: { id: { in: wanted } },
    select: { id: true, username: true, email: true },
  });
  return new Map(users.map((u) => [u.id, u.username ?? u.email]));
}

export function datasetPath(owner: string, workspaceSlug: string, slug: string): string {
  return `/w/${owner}/${workspaceSlug}/catalog/${encodeURIComponent(slug)}`;
}

/** The rows of a scoped reader's slice of a version (see sliceRowCount). */
export async function versionSliceCount(
  version: { blobKey: string; columns: Parameters<typeof parseColumns>[0]; rowCount: bigint | number },
  scope: Scope,
): Promise<number> {
  return sliceRowCount({
    parquetPath: await getBlobStore().localPath(version.blobKey),
    columns: parseColumns(version.columns),
    rowCount: Number(version.rowCount),
    scope,
  });
}

/**
 * A dataset as its viewer sees it. Rule: for a scoped viewer it *is* the slice: only the visible
 * columns, the slice's row count (counted, never the stored one) and no file size.
 */
export async function toDatasetView(
  row: DatasetRow,
  role: EffectiveRole,
  scope: Scope | null = null,
): Promise<DatasetView> {
  const [names, sliceRows] = await Promise.all([
    usernamesOf([row.createdById, row.updatedById]),
    scope ? currentSliceCount(row, scope) : null,
  ]);
  const columns = parseColumns(row.columns);
  const owner = row.workspace.owner.username ?? "";
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    tags: parseTags(row.tags),
    visibility: row.visibility,
    version: row.version,
    columns: visibleColumns(columns, scope),
    rowCount: sliceRows ?? Number(row.rowCount),
    sizeBytes: scope ? 0 : Number(row.sizeBytes),
    slice: scope ? describeScope(scope, columns.length) : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    createdBy: row.createdById ? (names.get(row.createdById) ?? null) : null,
    updatedBy: row.updatedById ? (names.get(row.updatedById) ?? null) : null,
    workspace: { id: row.workspace.id, slug: row.workspace.slug, name: row.workspace.name, owner },
    path: datasetPath(owner, row.workspace.slug, row.slug),
    role,
    canDownload: allows(role, "read"),
    canWrite: allows(role, "write"),
    canManage: allows(role, "manage"),
    card: toCardView(parseCard(row.card), row.cardRevision),
  };
}

async function currentSliceCount(row: DatasetRow, scope: Scope): Promise<number> {
  const version = await getDb().datasetVersion.findUnique({
    where: { datasetId_number: { datasetId: row.id, number: row.version } },
    select: { blobKey: true, columns: true, rowCount: true },
  });
  return version ? versionSliceCount(version, scope) : 0;
}
