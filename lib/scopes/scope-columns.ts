import type { Column } from "@/lib/catalog/types";
import { invalid } from "@/lib/util/errors";
import type { Filter } from "@/lib/catalog/query-schema";
import type { Scope } from "./scope-schema";

/** Every column name a scope relies on: its row conditions' and its visible columns. */
export function columnsUsedBy(scope: Scope): string[] {
  return [...new Set([...scope.rows.map((f: Filter) => f.column), ...(scope.columns ?? [])])];
}

/** The names a scope uses that a schema no longer has (empty: the scope still fits). */
export function missingColumns(scope: Scope, columns: Column[]): string[] {
  const names = new Set(columns.map((c) => c.name));
  return columnsUsedBy(scope).filter((n) => !names.has(n));
}

/**
 * The columns a scoped reader sees, in the schema's order. Rule: a hidden column does not exist
 * for them: every schema, query and error they get is built on this list alone.
 */
export function visibleColumns(columns: Column[], scope: Scope | null): Column[] {
  if (!scope?.columns) return columns;
  const shown = new Set(scope.columns);
  return columns.filter((c) => shown.has(c.name));
}

/** Refuses a scope that names a column the dataset does not have (when it is made or changed). */
export function assertScopeFits(scope: Scope, columns: Column[]): void {
  const missing = missingColumns(scope, columns);
  if (missing.length > 0)
    throw invalid(`The slice uses a column this dataset does not have: "${missing[0]!.slice(0, 80)}".`, {
      scope: "Unknown column",
    });
}
