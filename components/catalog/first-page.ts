import "server-only";
import type { Actor } from "@/lib/access";
import { type VersionProfile, getColumnStats } from "@/lib/catalog/column-stats";
import { queryDataset } from "@/lib/catalog/query";
import type { Column } from "@/lib/catalog/types";
import { type InitialRows, gridQuery, toSearchParams } from "./grid/grid-query";
import { parseGridState } from "./grid/grid-state";

export type SearchParams = Record<string, string | string[] | undefined>;

/** The version a dataset page shows, as its grid and statistics panel ask for it. */
type VersionOnView = { datasetId: string; version?: number };

/**
 * The page of rows the grid would ask for first, read while the page renders: the grid's state
 * parsed from the same search parameters the grid reads in the browser, queried as the actor
 * (the same access check as the rows route). Undefined when the read fails: the grid then asks
 * from the browser and shows that answer's error, so a bad filter in a URL never breaks the page.
 */
export async function firstRowsPage(
  actor: Actor,
  { datasetId, version }: VersionOnView,
  columns: Column[],
  searchParams: SearchParams,
): Promise<InitialRows | undefined> {
  const { state } = parseGridState(toSearchParams(searchParams), columns);
  const query = gridQuery(state, columns).page;
  try {
    const {
      columns: shape,
      rows,
      total,
      offset,
      limit,
      version: number,
      rowWindow,
    } = await queryDataset(actor, datasetId, query, version);
    return {
      query,
      data: { columns: shape, rows, total, offset, limit, version: number, rowWindow },
      readAt: Date.now(),
    };
  } catch {
    return undefined;
  }
}

/** The column profile the statistics panel would ask for, or undefined when the read fails (the panel asks). */
export async function firstProfile(
  actor: Actor,
  { datasetId, version }: VersionOnView,
): Promise<VersionProfile | undefined> {
  try {
    return await getColumnStats(actor, datasetId, version);
  } catch {
    return undefined;
  }
}
