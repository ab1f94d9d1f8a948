import "server-only";
import type { Actor } from "@/lib/access";
import { getDb } from "@/lib/db";
import { type Scope, missingColumns, visibleColumns } from "@/lib/scopes";
import { usernamesOf, versionSliceCount } from "./dataset-view";
import { loadDataset } from "./load-dataset";
import { type Column, type VersionKind, parseColumns } from "./types";

export type VersionView = {
  number: number;
  kind: VersionKind;
  rowCount: number;
  addedRows: number;
  sizeBytes: number;
  columnCount: number;
  columns: Column[];
  sourceName: string;
  sourceFormat: string;
  restoredFrom: number | null;
  createdAt: string;
  createdBy: string | null;
  current: boolean;
};

/** Every version of a dataset the actor can read, newest first. */
export async function listVersions(actor: Actor, datasetId: string): Promise<VersionView[]> {
  const { dataset, scope } = await loadDataset(actor, { id: datasetId }, "view");
  return versionViews(dataset, scope);
}

/**
 * The versions of a dataset, newest first, without an access check of their own: only for a
 * dataset the caller loaded through loadDataset (its check covers its versions), e.g. getDatasetPage.
 * Rule: a scoped reader (`scope`) sees only the versions their slice fits, each with its visible
 * columns and the slice's row count (no sizes, no added rows: both would measure hidden rows).
 */
export async function versionViews(
  dataset: { id: string; version: number },
  scope: Scope | null = null,
): Promise<VersionView[]> {
  const rows = await getDb().datasetVersion.findMany({
    where: { datasetId: dataset.id },
    orderBy: { number: "desc" },
    // Not the column statistics: a version's JSON summary can be larger than everything else here.
    select: {
      number: true,
      kind: true,
      rowCount: true,
      addedRows: true,
      sizeBytes: true,
      columns: true,
      sourceName: true,
      sourceFormat: true,
      restoredFrom: true,
      createdAt: true,
      createdById: true,
      blobKey: true,
    },
  });
  if (scope) return scopedVersionViews(dataset, rows, scope);
  return toViews(dataset, rows);
}

async function toViews(
  dataset: { id: string; version: number },
  rows: {
    number: number;
    kind: VersionKind;
    rowCount: bigint;
    addedRows: bigint;
    sizeBytes: bigint;
    columns: Parameters<typeof parseColumns>[0];
    sourceName: string;
    sourceFormat: string;
    restoredFrom: number | null;
    createdAt: Date;
    createdById: string | null;
    blobKey: string;
  }[],
): Promise<VersionView[]> {
  const names = await usernamesOf(rows.map((r) => r.createdById));
  return rows.map((r) => {
    const columns = parseColumns(r.columns);
    return {
      number: r.number,
      kind: r.kind,
      rowCount: Number(r.rowCount),
      addedRows: Number(r.addedRows),
      sizeBytes: Number(r.sizeBytes),
      columnCount: columns.length,
      columns,
      sourceName: r.sourceName,
      sourceFormat: r.sourceFormat,
      restoredFrom: r.restoredFrom,
      createdAt: r.createdAt.toISOString(),
      createdBy: r.createdById ? (names.get(r.createdById) ?? null) : null,
      current: r.number === dataset.version,
    };
  });
}

async function scopedVersionViews(
  dataset: { id: string; version: number },
  rows: Parameters<typeof toViews>[1],
  scope: Scope,
): Promise<VersionView[]> {
  const fitting = rows.filter((r) => missingColumns(scope, parseColumns(r.columns)).length === 0);
  const counts = await Promise.all(fitting.map((r) => versionSliceCount(r, scope)));
  return (await toViews(dataset, fitting)).map((v, i) => {
    const columns = visibleColumns(v.columns, scope);
    return { ...v, columns, columnCount: columns.length, rowCount: counts[i]!, addedRows: 0, sizeBytes: 0 };
  });
}
