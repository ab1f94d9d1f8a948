import type { Filter } from "@/lib/catalog/query-schema";
import type { Scope } from "./scope-schema";

const shown = (v: string | number | boolean) => {
  const text = String(v);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
};

function describeFilter(f: Filter): string {
  switch (f.op) {
    case "eq":
      return `${f.column} = ${shown(f.value)}`;
    case "contains":
      return `${f.column} contains "${shown(f.value)}"`;
    case "is_null":
      return `${f.column} is empty`;
    case "not_null":
      return `${f.column} is not empty`;
    case "range":
      if (f.min !== undefined && f.max !== undefined) return `${f.column} between ${shown(f.min)} and ${shown(f.max)}`;
      return f.min !== undefined ? `${f.column} ≥ ${shown(f.min)}` : `${f.column} ≤ ${shown(f.max!)}`;
  }
}

/**
 * A scope in words, as the access list and Shared by me show it: "rows where region = North;
 * 5 of 8 columns". `totalColumns` is the dataset's column count (omitted: "5 columns").
 */
export function describeScope(scope: Scope | null, totalColumns?: number): string {
  if (!scope || (scope.rows.length === 0 && scope.columns === null)) return "the whole dataset";
  const parts: string[] = [];
  if (scope.rows.length > 0) parts.push(`rows where ${scope.rows.map(describeFilter).join(" and ")}`);
  else parts.push("all rows");
  if (scope.columns) {
    const n = scope.columns.length;
    parts.push(totalColumns !== undefined ? `${n} of ${totalColumns} columns` : `${n} column${n === 1 ? "" : "s"}`);
  }
  return parts.join("; ");
}
