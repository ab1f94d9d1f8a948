import "server-only";
import { type Actor, assertCan } from "@/lib/access";
import { datasetResource, loadDataset } from "@/lib/catalog/load-dataset";
import { runQuery } from "@/lib/catalog/run-query";
import { type Column, parseColumns } from "@/lib/catalog/types";
import { getDb } from "@/lib/db";
import { getBlobStore } from "@/lib/storage";
import { invalid } from "@/lib/util/errors";
import type { Json } from "@duckdb/node-api";
import { describeScope } from "./describe-scope";
import { assertScopeFits } from "./scope-columns";
import { scopeSchema } from "./scope-schema";

export type SlicePreview = {
  /** every column of the dataset (what the picker offers) */
  allColumns: Column[];
  /** what the recipient will see: their columns, first rows and row count */
  columns: Column[];
  rows: Json[][];
  total: number;
  words: string;
};

/**
 * What a recipient of a slice would see, for the share dialog's live preview: the first rows and
 * the row count of the slice of the current version, read through the same scoped view the
 * recipient's reads use. Managers only (it is part of sharing).
 */
export async function previewSlice(actor: Actor, datasetId: string, raw: unknown): Promise<SlicePreview> {
  const { dataset } = await loadDataset(actor, { id: datasetId }, "view");
  await assertCan(actor, "manage", datasetResource(dataset));
  const parsed = scopeSchema.safeParse(raw ?? {});
  if (!parsed.success) throw invalid(parsed.error.issues[0]?.message ?? "That slice is not valid.");
  const scope = parsed.data;
  const version = await getDb().datasetVersion.findUniqueOrThrow({
    where: { datasetId_number: { datasetId: dataset.id, number: dataset.version } },
    select: { blobKey: true, columns: true, rowCount: true },
  });
  const allColumns = parseColumns(version.columns);
  assertScopeFits(scope, allColumns);
  const result = await runQuery(
    {
      parquetPath: await getBlobStore().localPath(version.blobKey),
      columns: allColumns,
      rowCount: Number(version.rowCount),
      scope,
    },
    { filters: [], sort: [], limit: 10, offset: 0 },
  );
  return {
    allColumns,
    columns: result.columns,
    rows: result.rows,
    total: result.total,
    words: describeScope(scope, allColumns.length),
  };
}
