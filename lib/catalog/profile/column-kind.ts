import type { ProfileKind } from "./types";

const NUMBER = /^(U?(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT)|FLOAT|REAL|DOUBLE|DECIMAL(\(\d+,\s*\d+\))?)$/;
const INTEGER = /^U?(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT)$/;
const TEMPORAL =
  /^(DATE|TIMESTAMP|TIMESTAMP WITH TIME ZONE|TIMESTAMPTZ|TIMESTAMP_S|TIMESTAMP_MS|TIMESTAMP_NS|DATETIME)$/;
const NESTED = /[[\]]|^(STRUCT|MAP|UNION|LIST|JSON)\b/;
/** Types with a meaningful order besides numbers, dates and text (min/max are shown). */
const ORDERABLE_OTHER = /^(TIME|TIME WITH TIME ZONE|TIMETZ|UUID)$/;

/** How a column of this DuckDB type is profiled. */
export function profileKind(type: string): ProfileKind {
  const t = type.trim().toUpperCase();
  if (NUMBER.test(t)) return "number";
  if (TEMPORAL.test(t)) return "temporal";
  if (t === "BOOLEAN" || t === "BOOL") return "boolean";
  if (t === "VARCHAR" || t.startsWith("ENUM")) return "text";
  if (NESTED.test(t)) return "nested";
  return "other";
}

export function isIntegerType(type: string): boolean {
  return INTEGER.test(type.trim().toUpperCase());
}

/** Whether min and max are shown: numbers, dates, text and a few other ordered types. */
export function isOrderable(kind: ProfileKind, type: string): boolean {
  if (kind === "number" || kind === "temporal" || kind === "text") return true;
  return kind === "other" && ORDERABLE_OTHER.test(type.trim().toUpperCase());
}

/** DATE bins are whole days at least; timestamps may be binned by minutes or hours. */
export function isDateType(type: string): boolean {
  return type.trim().toUpperCase() === "DATE";
}
