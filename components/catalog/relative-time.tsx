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
  return unit ? new Intl.RelativeTimeFormat("en", { numeric: "auto" }).format(Math.round(diff / unit[1]), unit[0]) : "just now";
}

/** "3 days ago" with the exact time on hover. For server components only (a client render would drift from the server's). */
export function RelativeTime({ iso }: { iso: string }) {
  const exact = `${new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC`;
  return <time dateTime={iso} title={exact}>{relativeLabel(iso)}</time>;
}
