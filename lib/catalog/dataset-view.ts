import "server-only";
import { type EffectiveRole, allows } from "@/lib/access";
import { getDb } from "@/lib/db";
import { parseCard } from "./card/card-schema";
import { type CardView, toCardView } from "./card/card-view";
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
  rowCount: number;
  sizeBytes: number;
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

export async function toDatasetView(row: DatasetRow, role: EffectiveRole): Promise<DatasetView> {
  const names = await usernamesOf([row.createdById, row.updatedById]);
  const owner = row.workspace.owner.username ?? "";
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    tags: parseTags(row.tags),
    visibility: row.visibility,
    version: row.version,
    columns: parseColumns(row.columns),
    rowCount: Number(row.rowCount),
    sizeBytes: Number(row.sizeBytes),
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
