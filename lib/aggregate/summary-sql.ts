import { buildQuery, type TypedParam } from "@/lib/catalog/query-sql";
import { isScalarType, quoteIdent, typeFamily } from "@/lib/catalog/sql";
import type { Column } from "@/lib/catalog/types";
import { invalid } from "@/lib/util/errors";
import type { Measure, SummaryRequest } from "./summary-schema";

export type BuiltSummary = {
  /** one row per group: the group keys, then the row count, then each measure */
  sql: string;
  params: string[];
  typedParams: TypedParam[];
  groupColumns: Column[];
  /** how each measure is named in the answer, e.g. "sum(amount)" */
  measureLabels: string[];
};

/** The number of rows in each group, always computed (the minimum-group-size check reads it). */
export const GROUP_ROWS = "__datashelf_group_rows";

const shown = (name: string) => (name.length > 80 ? `${name.slice(0, 80)}…` : name);

export function measureLabel(m: Measure): string {
  return m.fn === "count" ? "count" : `${m.fn}(${m.column})`;
}

/**
 * Builds the SQL of a grouped summary.
 *
 * Rule: nothing the caller sends becomes SQL text. Group and measure columns must be columns of the
 * dataset's schema (exact match) and are quoted; group columns must be plain scalar types, measure
 * columns numeric; functions come from an enum; filters go through the grid's own query builder
 * (buildQuery: values bound, types from the schema), whose filtered rows are the only input.
 */
export function buildSummary(schema: Column[], request: SummaryRequest): BuiltSummary {
  const byName = new Map(schema.map((c) => [c.name, c]));
  const column = (name: string): Column => {
    const found = byName.get(name);
    if (!found) throw invalid(`Unknown column "${shown(name)}".`, { column: shown(name) });
    return found;
  };
  const groupColumns = request.groupBy.map(column);
  for (const c of groupColumns) {
    if (!isScalarType(c.type))
      throw invalid(`Column "${shown(c.name)}" (${c.type}) cannot be grouped by.`, { groupBy: shown(c.name) });
  }
  const measureSql = request.measures.map((m) => {
    // counts stay exact as JSON numbers up to 2^53 rows
    if (m.fn === "count") return "CAST(count(*) AS DOUBLE)";
    const c = column(m.column!);
    const family = typeFamily(c.type);
    if (family !== "integer" && family !== "decimal")
      throw invalid(`"${shown(c.name)}" (${c.type}) is not numeric; ${m.fn} needs a numeric column.`, {
        measures: shown(c.name),
      });
    return `${m.fn}(${quoteIdent(c.name)})`;
  });
  const needed = [...new Set([...groupColumns.map((c) => c.name), ...request.measures.flatMap((m) => m.column ?? [])])];
  // The filtered rows, written by the same builder (and through the same checks) as the grid's.
  const filtered = buildQuery(
    schema,
    {
      columns: needed.length ? needed : undefined,
      filters: request.filters,
      sort: [],
      limit: 1,
      offset: 0,
    },
    { rowNumber: false, all: true },
  );
  const keys = groupColumns.map((c) => quoteIdent(c.name));
  const select = [...keys, `count(*) AS ${GROUP_ROWS}`, ...measureSql].join(", ");
  const group = keys.length
    ? ` GROUP BY ${keys.join(", ")} ORDER BY ${keys.map((k) => `${k} ASC NULLS LAST`).join(", ")}`
    : "";
  return {
    sql: `SELECT ${select} FROM (${filtered.sql}) AS filtered${group}`,
    params: filtered.params,
    typedParams: filtered.typedParams,
    groupColumns,
    measureLabels: request.measures.map(measureLabel),
  };
}
