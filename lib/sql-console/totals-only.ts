import "server-only";
import type { DuckDBConnection } from "@duckdb/node-api";
import { type Actor, allows } from "@/lib/access";
import { assertAggregateSafe } from "@/lib/aggregate/aggregate-safe-sql";
import { minGroupSizeFor } from "@/lib/aggregate/min-group-size";
import type { Column } from "@/lib/catalog/types";
import { AppError } from "@/lib/util/errors";
import type { GrantedDataset } from "./dataset-views";

/** What a console query over a totals-only dataset is checked against: its minimum group size and visible columns. */
export type TotalsOnlyGate = { k: number; columns: Column[]; table: string };

/**
 * Rule: a console query that names a dataset the caller may only summarise ("Totals only") reads
 * that one dataset alone, at its current version, and is decided by assertAggregateSafe (the
 * grouped-total shape, every group at least the caller's minimum group size, the same refusal
 * as Summarise) before it runs. Joining it with any other dataset is refused: a join could
 * single out its rows. Answers null when every dataset is readable row by row.
 */
export async function totalsOnlyGate(actor: Actor, datasets: GrantedDataset[]): Promise<TotalsOnlyGate | null> {
  const totalsOnly = datasets.filter((d) => !allows(d.role, "view"));
  if (totalsOnly.length === 0) return null;
  if (datasets.length > 1)
    throw new AppError(
      "forbidden",
      `Totals-only access to "${totalsOnly[0]!.name}" allows a query over that dataset alone, without joins.`,
    );
  const dataset = totalsOnly[0]!;
  if (dataset.pinned)
    throw new AppError(
      "forbidden",
      "Totals-only access summarises the current version only; name the dataset without @version.",
    );
  const k = (await minGroupSizeFor(actor, dataset.datasetId, dataset.role)) ?? 1;
  return { k, columns: dataset.columns, table: dataset.name };
}

/** Runs the gate's check on the console's sandbox connection (where the dataset's view exists) before the query. */
export async function assertTotalsOnlyQuery(connection: DuckDBConnection, sql: string, gate: TotalsOnlyGate | null) {
  if (gate) await assertAggregateSafe(connection, sql, gate.k, gate.columns, gate.table);
}
