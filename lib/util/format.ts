// The one place dates, numbers and sizes become text, for server and client renders alike.
// Dates are shown in UTC in a fixed locale: a server-rendered page and its hydration then agree,
// and every server says the same whatever its time zone. The formatters are built once per
// process: building an Intl formatter costs far more than formatting with one, and list pages
// format a value per row.

const dateUtc = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });
const dateTimeUtc = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
const number = new Intl.NumberFormat("en-US", { maximumFractionDigits: 3 });

/** What a missing or unreadable value reads as. */
const NONE = "—";

type DateInput = Date | string | number;

function toDate(value: DateInput | null | undefined): Date | null {
  if (value === null || value === undefined) return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "30 Nov 2026" */
export function formatDate(value: DateInput | null | undefined): string {
  const date = toDate(value);
  return date ? dateUtc.format(date) : NONE;
}

/** "30 Nov 2026, 12:25 UTC" */
export function formatDateTime(value: DateInput | null | undefined): string {
  const date = toDate(value);
  return date ? `${dateTimeUtc.format(date)} UTC` : NONE;
}

/** "2026-11-30": the value of an `<input type="date">`. */
export function formatIsoDate(value: DateInput): string {
  return toDate(value)?.toISOString().slice(0, 10) ?? "";
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 86_400_000],
  ["month", 30 * 86_400_000],
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

/** "3 days ago", "in 2 hours", "just now" (under a minute either way). */
export function formatRelative(value: DateInput | null | undefined, now: number = Date.now()): string {
  const date = toDate(value);
  if (!date) return NONE;
  const diff = date.getTime() - now;
  const unit = UNITS.find(([, ms]) => Math.abs(diff) >= ms);
  return unit ? relative.format(Math.round(diff / unit[1]), unit[0]) : "just now";
}

/** "1,234,567.125" (at most three decimals). */
export function formatNumber(value: number | bigint | null | undefined): string {
  if (value === null || value === undefined) return NONE;
  if (typeof value === "number" && !Number.isFinite(value)) return NONE;
  return number.format(value);
}

const BYTE_UNITS = ["KB", "MB", "GB", "TB", "PB"];

/** 1536 → "1.5 KB", 100000 → "97.7 KB", 1e6 → "977 KB" (binary multiples, one decimal under 100). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return NONE;
  if (bytes < 1024) return `${bytes} B`;
  let value = bytes;
  let unit = -1;
  do {
    value /= 1024;
    unit++;
  } while (value >= 1024 && unit < BYTE_UNITS.length - 1);
  return `${value < 100 ? value.toFixed(1) : number.format(Math.round(value))} ${BYTE_UNITS[unit]}`;
}

const percent = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 1 });

/** 12.345 → "12.3%" (the argument is already a percentage, 0–100). */
export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NONE;
  return percent.format(value / 100);
}
