import type { ColumnProfile, Histogram } from "@/lib/catalog/profile/types";
import { formatDate, formatDateTime, formatNumber } from "@/lib/util/format";

const INTEGER_TEXT = /^-?\d+$/;

/** A number as DuckDB wrote it (integers beyond 2^53 kept exact), formatted the one way numbers are. */
function numberText(value: string): string {
  if (INTEGER_TEXT.test(value)) return formatNumber(BigInt(value));
  const n = Number(value);
  return Number.isFinite(n) ? formatNumber(n) : value;
}

const isDate = (type: string) => type.toUpperCase() === "DATE";

/** A stored min or max as the user reads it: numbers and dates through lib/util/format, other values as they are. */
export function formatProfileValue(column: Pick<ColumnProfile, "kind" | "type">, value: string | null): string {
  if (value === null) return "—";
  if (column.kind === "number") return numberText(value);
  if (column.kind === "temporal") {
    // DuckDB's text ("2026-01-02 10:00:00", "…+00") read as UTC
    const iso = isDate(column.type) ? value : value.replace(" ", "T").replace(/([+-]\d\d)$/, "$1:00");
    const withZone = isDate(column.type) || /[zZ]|[+-]\d\d:\d\d$/.test(iso) ? iso : `${iso}Z`;
    const text = isDate(column.type) ? formatDate(withZone) : formatDateTime(withZone);
    return text === "—" ? value : text;
  }
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}

/** "1,250.5 – 3,750" or "Jan 2026" style bounds of one histogram bin. */
export function binLabel(histogram: Histogram, index: number, dateOnly: boolean): string {
  if (histogram.kind === "number") {
    const bin = histogram.bins[index]!;
    return `${formatNumber(bin.start)} – ${formatNumber(bin.end)}`;
  }
  const bin = histogram.bins[index]!;
  const coarse = dateOnly || /day|week|month|year/.test(histogram.step);
  const fmt = coarse ? formatDate : formatDateTime;
  return `${fmt(bin.start)} – ${fmt(bin.end)}`;
}
