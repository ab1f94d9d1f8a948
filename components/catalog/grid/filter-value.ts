import type { Filter } from "@/lib/catalog/query-schema";
import { isScalarType, typeFamily } from "@/lib/catalog/sql";
import type { Column } from "@/lib/catalog/types";

// Whole-number ranges of DuckDB's integer types, so "300" on a TINYINT is refused before it is sent.
const INTEGER_RANGES: Record<string, [bigint, bigint]> = {
  TINYINT: [-128n, 127n],
  SMALLINT: [-32768n, 32767n],
  INTEGER: [-2147483648n, 2147483647n],
  BIGINT: [-(2n ** 63n), 2n ** 63n - 1n],
  HUGEINT: [-(2n ** 127n), 2n ** 127n - 1n],
  UTINYINT: [0n, 255n],
  USMALLINT: [0n, 65535n],
  UINTEGER: [0n, 4294967295n],
  UBIGINT: [0n, 2n ** 64n - 1n],
  UHUGEINT: [0n, 2n ** 128n - 1n],
};

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?$/;
const ZONE = /^(Z|[+-]\d{2}(:?\d{2})?)$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BOOLEAN = /^(true|false|t|f|1|0)$/i;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

function validDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d); // not Date.UTC, which reads years 0–99 as 1900–1999
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function validTimestamp(text: string, withZone: boolean): boolean {
  const [datePart, rest] = text.split(/[ T](.*)/s, 2) as [string, string | undefined];
  if (!validDate(datePart)) return false;
  if (rest === undefined || rest === "") return true;
  const zoneAt = withZone ? rest.search(/(Z|[+-]\d{2}(:?\d{2})?)$/i) : -1;
  const time = zoneAt > 0 ? rest.slice(0, zoneAt) : rest;
  return TIME.test(time) && (zoneAt <= 0 || ZONE.test(rest.slice(zoneAt)));
}

function example(type: string): string {
  const family = typeFamily(type);
  if (family === "integer") return "a whole number such as 42";
  if (family === "decimal") return "a number such as 3.5";
  if (family === "boolean") return "true or false";
  if (type === "DATE") return "a date such as 2026-01-31";
  if (type.startsWith("TIMESTAMP")) return "a date or a date and time such as 2026-01-31 14:30";
  if (type.startsWith("TIME")) return "a time such as 14:30 or 14:30:15";
  if (type === "UUID") return "a UUID such as 123e4567-e89b-12d3-a456-426614174000";
  return "a value of that type";
}

/**
 * Why `value` cannot be compared with a column of type `type` (undefined: it can). Mirrors what
 * DuckDB's CAST accepts for the types the grid filters on, so a mistyped value is refused at the
 * input instead of reaching the server; types not checked here are left to the server.
 */
export function filterValueProblem(column: Column, value: string): string | undefined {
  const text = value.trim();
  const { type } = column;
  const family = typeFamily(type);
  let ok = true;
  if (family === "integer") {
    const range = INTEGER_RANGES[type];
    ok = /^[+-]?\d+$/.test(text) && (!range || (BigInt(text) >= range[0] && BigInt(text) <= range[1]));
  } else if (family === "decimal") ok = DECIMAL.test(text) && Number.isFinite(Number(text));
  else if (family === "boolean") ok = BOOLEAN.test(text);
  else if (type === "DATE") ok = validDate(text);
  else if (type.startsWith("TIMESTAMP")) ok = validTimestamp(text, type.includes("TIME ZONE"));
  else if (type.startsWith("TIME") && type !== "TIMESTAMP")
    ok = TIME.test(text.replace(/(Z|[+-]\d{2}(:?\d{2})?)$/i, ""));
  else if (type === "UUID") ok = UUID.test(text);
  if (ok) return undefined;
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return `"${shown}" is not ${example(type)} (${column.name} is ${type}).`;
}

/** Which conditions a column of this type supports (the server refuses the others). */
export function supportsOp(type: string, op: Filter["op"]): boolean {
  if (op === "eq") return isScalarType(type);
  if (op === "range") return isScalarType(type) && typeFamily(type) !== "boolean";
  return true;
}

/**
 * Why a filter cannot run on `columns` (undefined: it can): an unknown column, a condition the
 * column's type does not support, or a value that is not of the column's type.
 */
export function filterProblem(columns: Column[], filter: Filter): string | undefined {
  const column = columns.find((c) => c.name === filter.column);
  if (!column) return `There is no column "${filter.column}".`;
  if (!supportsOp(column.type, filter.op))
    return filter.op === "eq"
      ? `${column.name} (${column.type}) can only be filtered with "contains" or "is empty".`
      : `${column.name} (${column.type}) cannot be filtered by a range.`;
  if (filter.op === "eq")
    return filter.value === "" ? "Type a value to look for." : filterValueProblem(column, String(filter.value));
  if (filter.op === "contains") return filter.value ? undefined : "Type something to look for.";
  if (filter.op === "range") {
    if (filter.min === undefined && filter.max === undefined) return "Give a lowest value, a highest value or both.";
    for (const bound of [filter.min, filter.max])
      if (bound !== undefined && column.type !== "VARCHAR") {
        const problem = filterValueProblem(column, String(bound));
        if (problem) return problem;
      }
  }
  return undefined;
}
