import type { AccessKind } from "./access-actions";

export const INSIGHT_DAYS = 30;

export type DayCount = { day: string; views: number; downloads: number };

const DAY_MS = 86_400_000;

/** The first instant of the window: midnight UTC, INSIGHT_DAYS - 1 days before `now`'s day. */
export function windowStart(now: Date, days = INSIGHT_DAYS): Date {
  const today = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  return new Date(today - (days - 1) * DAY_MS);
}

/** Views and downloads per UTC day, oldest first, one entry for every day of the window (zeros included). */
export function dailySeries(events: { at: Date; kind: AccessKind }[], now: Date, days = INSIGHT_DAYS): DayCount[] {
  const start = windowStart(now, days).getTime();
  const series: DayCount[] = Array.from({ length: days }, (_, i) => ({
    day: new Date(start + i * DAY_MS).toISOString().slice(0, 10),
    views: 0,
    downloads: 0,
  }));
  for (const event of events) {
    const index = Math.floor((event.at.getTime() - start) / DAY_MS);
    const bucket = series[index];
    if (!bucket) continue;
    if (event.kind === "view") bucket.views++;
    else bucket.downloads++;
  }
  return series;
}
