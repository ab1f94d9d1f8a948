import "server-only";
import type { Json } from "@duckdb/node-api";
import { type Actor, allows } from "@/lib/access";
import { type DatasetRef, loadReadableVersion } from "@/lib/catalog/load-dataset";
import { checkTypedParams } from "@/lib/catalog/run-query";
import { withDatasetDb } from "@/lib/catalog/duckdb/dataset-db";
import { runPrepared } from "@/lib/catalog/duckdb/prepared";
import { withQueryTimeout } from "@/lib/catalog/duckdb/timeout";
import { parseColumns, type Column } from "@/lib/catalog/types";
import { visibleColumns } from "@/lib/scopes";
import { getBlobStore } from "@/lib/storage";
import { AppError } from "@/lib/util/errors";
import { formatNumber } from "@/lib/util/format";
import { minGroupSizeFor } from "./min-group-size";
import { buildSummary } from "./summary-sql";
import { summaryRequestSchema } from "./summary-schema";

/** The most groups one summary answers with; more is refused rather than cut short. */
export const MAX_GROUPS = 10_000;

export type SummaryResult = {
  version: number;
  groupBy: Column[];
  /** how each measure is named, e.g. "count", "sum(amount)" */
  measures: string[];
  /** one per group, sorted by the group keys: the keys, then each measure (JSON-safe: big numbers as strings) */
  rows: Json[][];
  /** the smallest group this actor may see (null: no minimum, they may view rows anyway) */
  minGroupSize: number | null;
};

/** The one refusal for a group under the minimum: the same words whether one group or the whole answer is small. */
export function smallGroupMessage(k: number): string {
  return `A group would have fewer than ${formatNumber(k)} rows; group by fewer columns or widen the filter.`;
}

/**
 * A grouped summary of a dataset version, written by the server from structure (buildSummary).
 *
 * Rule: whoever may summarise may ask (totals-only grantees and every higher role). For a
 * totals-only grantee every group, including the single group of an ungrouped total and the
 * empty answer of a filter nothing matches, must hold at least their minimum group size of rows,
 * or the whole answer is refused (403, one message whichever group is small), so neither a filter
 * nor a grouping isolates rows; they summarise only the current version (two versions' totals
 * would differ by the rows added in between).
 */
export async function runSummary(actor: Actor, ref: DatasetRef, input: unknown): Promise<SummaryResult> {
  const request = summaryRequestSchema.parse(input ?? {});
  const located = await loadReadableVersion(actor, ref, "summarise");
  const { datasetId, role } = located;
  if (request.version !== undefined && request.version !== located.version.number && !allows(role, "view")) {
    throw new AppError("forbidden", "Totals-only access summarises the current version only.");
  }
  const { version } =
    request.version === undefined || request.version === located.version.number
      ? located
      : await loadReadableVersion(actor, ref, "summarise", request.version);
  const k = await minGroupSizeFor(actor, datasetId, role);
  // A reader of a slice summarises the slice: its visible columns only, on its view of the rows.
  const columns = parseColumns(version.columns);
  const built = buildSummary(visibleColumns(columns, located.scope), request);
  const parquetPath = await getBlobStore().localPath(version.blobKey);
  const rows = await withDatasetDb(
    parquetPath,
    false,
    (db) =>
      withQueryTimeout(db, async () => {
        await checkTypedParams(db, built.typedParams);
        return (await runPrepared(db, `${built.sql} LIMIT ${MAX_GROUPS + 1}`, built.params)).getRowsJson();
      }),
    located.scope ? { scope: located.scope, columns } : null,
  );
  if (rows.length > MAX_GROUPS) {
    throw new AppError(
      "invalid",
      `That makes more than ${formatNumber(MAX_GROUPS)} groups; group by fewer columns or add a filter.`,
    );
  }
  const keys = built.groupColumns.length;
  if (k !== null && (rows.length === 0 || rows.some((r) => Number(r[keys]) < k))) {
    throw new AppError("forbidden", smallGroupMessage(k));
  }
  return {
    version: version.number,
    groupBy: built.groupColumns,
    measures: built.measureLabels,
    rows: rows.map((r) => [...r.slice(0, keys), ...r.slice(keys + 1)]),
    minGroupSize: k,
  };
}
