import { ROW_NUMBER_COLUMN } from "@/lib/catalog/duckdb/names";
import type { Filter } from "@/lib/catalog/query-schema";
import { isScalarType, quoteIdent, quoteLiteral, typeFamily } from "@/lib/catalog/sql";
import type { Column } from "@/lib/catalog/types";
import { notFound } from "@/lib/util/errors";
import { missingColumns } from "./scope-columns";
import type { Scope } from "./scope-schema";

const literal = (value: string | number | boolean, col: Column): string => {
  const text = quoteLiteral(String(value));
  // TRY_CAST: a value that no longer fits its column's type matches nothing (the slice narrows, never widens).
  return col.type === "VARCHAR" ? text : `TRY_CAST(${text} AS ${col.type})`;
};

/**
 * One row condition of a scope as SQL. A view cannot take bound parameters, so values are written
 * as quoted literals (quoteLiteral) and cast only to whitelisted scalar types; a condition that
 * cannot apply to its column's type matches no row at all.
 */
function condition(filter: Filter, col: Column): string {
  const id = quoteIdent(col.name);
  const comparable = isScalarType(col.type);
  switch (filter.op) {
    case "is_null":
      return `${id} IS NULL`;
    case "not_null":
      return `${id} IS NOT NULL`;
    case "contains":
      return `contains(lower(CAST(${id} AS VARCHAR)), lower(${quoteLiteral(filter.value)}))`;
    case "eq":
      return comparable ? `${id} = ${literal(filter.value, col)}` : "false";
    case "range": {
      if (!comparable || typeFamily(col.type) === "boolean") return "false";
      const parts: string[] = [];
      if (filter.min !== undefined) parts.push(`${id} >= ${literal(filter.min, col)}`);
      if (filter.max !== undefined) parts.push(`${id} <= ${literal(filter.max, col)}`);
      return parts.join(" AND ");
    }
  }
}

/**
 * The SELECT a scoped reader's view `data` is: the scope's columns of the Parquet file, only the
 * rows its conditions keep (each condition must be true: a NULL comparison drops the row).
 * The conditions are written as the owner's grid filters are (plain comparisons ANDed in WHERE,
 * which already drops NULL), not wrapped in `IS TRUE`: DuckDB then pushes them into the Parquet
 * scan as constant filters that prune row groups by their statistics, so the slice's page costs
 * what the owner's same filtered page does (an `IS TRUE` wrapper is an opaque expression filter).
 * Rule: this is the only relation a scoped actor's queries can reach; a scope naming a column
 * the file lacks serves nothing (404), never the whole file.
 */
export function scopedSelectSql(
  source: string,
  columns: Column[],
  scope: Scope | null,
  withRowNumber: boolean,
): string {
  const from = `${source}`;
  if (!scope) return `SELECT * FROM ${from}`;
  if (missingColumns(scope, columns).length > 0) throw notFound("Dataset not found");
  const byName = new Map(columns.map((c) => [c.name, c]));
  const shown = scope.columns
    ? columns.filter((c) => scope.columns!.includes(c.name)).map((c) => quoteIdent(c.name))
    : columns.map((c) => quoteIdent(c.name));
  if (withRowNumber) shown.push(ROW_NUMBER_COLUMN);
  const where = scope.rows.map((f) => `(${condition(f, byName.get(f.column)!)})`);
  return `SELECT ${shown.join(", ")} FROM ${from}${where.length ? ` WHERE ${where.join(" AND ")}` : ""}`;
}

/** A stable key of a scope, for caches and pools that must never mix two slices (or a slice and the whole). */
export function scopeKey(scope: Scope | null): string {
  return scope ? JSON.stringify([scope.rows, scope.columns]) : "";
}
