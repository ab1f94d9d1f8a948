import "server-only";
import type { VersionProfile } from "@/lib/catalog/column-stats";
import type { DatasetPageReads } from "@/lib/catalog/get-dataset";
import type { Column } from "@/lib/catalog/types";
import { type InitialRows, gridQuery, toSearchParams } from "./grid/grid-query";
import { parseGridState } from "./grid/grid-state";

export type SearchParams = Record<string, string | string[] | undefined>;

/**
 * The page of rows the grid would ask for first, read while the page renders: the grid's state
 * parsed from the same search parameters the grid reads in the browser, read through the page's
 * own access check. Undefined when the read fails: the grid then asks from the browser and shows
 * that answer's error, so a bad filter in a URL never breaks the page.
 */
export async function firstRowsPage(
  reads: DatasetPageReads,
  versionNumber: number,
  columns: Column[],
  searchParams: SearchParams,
): Promise<InitialRows | undefined> {
  const { state } = parseGridState(toSearchParams(searchParams), columns);
  const query = gridQuery(state, columns).page;
  try {
    const { columns: shape, rows, total, offset, limit, version, rowWindow } = await reads.rows(versionNumber, query);
    return { query, data: { columns: shape, rows, total, offset, limit, version, rowWindow }, readAt: Date.now() };
  } catch {
    return undefined;
  }
}

/** The column profile the statistics panel would ask for, or undefined when the read fails (the panel asks). */
export async function firstProfile(
  reads: DatasetPageReads,
  versionNumber: number,
): Promise<VersionProfile | undefined> {
  try {
    return await reads.profile(versionNumber);
  } catch {
    return undefined;
  }
}
