// Date and time labels for catalog pages. The formatters are built once per process: building an
// Intl formatter costs far more than formatting with one, and a catalog page formats a timestamp
// per row (building them per call was the largest single cost of rendering the catalog page).
const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
const exactUtc = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 86_400_000],
  ["month", 30 * 86_400_000],
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

/** "3 days ago" for a time, relative to now. */
export function relativeLabel(iso: string, now = Date.now()): string {
  const diff = new Date(iso).getTime() - now;
  const unit = UNITS.find(([, ms]) => Math.abs(diff) >= ms);
  return unit ? relative.format(Math.round(diff / unit[1]), unit[0]) : "just now";
}

/** "30 Nov 2026, 12:25 UTC": the exact time, the same on every server whatever its time zone. */
export function exactUtcLabel(iso: string): string {
  return `${exactUtc.format(new Date(iso))} UTC`;
}
