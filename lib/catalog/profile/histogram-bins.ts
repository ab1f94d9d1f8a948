import type { Histogram } from "./types";

/** Equal-width bins for a numeric column (at most NUMBER_BINS; whole numbers of a small range get one bin per value). */
export const NUMBER_BINS = 20;

export type NumberBinning = { lo: number; width: number; count: number };

/** The bins for values from lo to hi (both finite): one bin when they are equal. */
export function numberBinning(lo: number, hi: number, integer: boolean): NumberBinning {
  if (hi <= lo) return { lo, width: 1, count: 1 };
  if (integer && hi - lo + 1 <= NUMBER_BINS) return { lo, width: 1, count: hi - lo + 1 };
  return { lo, width: (hi - lo) / NUMBER_BINS, count: NUMBER_BINS };
}

/** Bin counts by index (as DuckDB's histogram() returns them) as bins with their bounds; empty bins count 0. */
export function numberBins(binning: NumberBinning, counts: Map<number, number>): Histogram {
  const bins = Array.from({ length: binning.count }, (_, i) => ({
    start: binning.lo + i * binning.width,
    end:
      i === binning.count - 1 && binning.width !== 1
        ? binning.lo + binning.count * binning.width
        : binning.lo + (i + 1) * binning.width,
    count: counts.get(i) ?? 0,
  }));
  return { kind: "number", bins };
}

type Step = { label: string; interval: string; ms: number; months: number };

const MINUTE = 60_000;
const DAY = 86_400_000;
const MONTH = 30.44 * DAY;
/** Calendar widths from fine to coarse; the first that gives at most MAX_TEMPORAL_BINS bins is used. */
const STEPS: Step[] = [
  { label: "1 minute", interval: "1 minute", ms: MINUTE, months: 0 },
  { label: "15 minutes", interval: "15 minutes", ms: 15 * MINUTE, months: 0 },
  { label: "1 hour", interval: "1 hour", ms: 60 * MINUTE, months: 0 },
  { label: "6 hours", interval: "6 hours", ms: 360 * MINUTE, months: 0 },
  { label: "1 day", interval: "1 day", ms: DAY, months: 0 },
  { label: "1 week", interval: "7 days", ms: 7 * DAY, months: 0 },
  { label: "1 month", interval: "1 month", ms: MONTH, months: 1 },
  { label: "3 months", interval: "3 months", ms: 3 * MONTH, months: 3 },
  { label: "1 year", interval: "1 year", ms: 12 * MONTH, months: 12 },
  { label: "5 years", interval: "5 years", ms: 60 * MONTH, months: 60 },
  { label: "10 years", interval: "10 years", ms: 120 * MONTH, months: 120 },
  { label: "50 years", interval: "50 years", ms: 600 * MONTH, months: 600 },
  { label: "100 years", interval: "100 years", ms: 1200 * MONTH, months: 1200 },
  { label: "1000 years", interval: "1000 years", ms: 12000 * MONTH, months: 12000 },
];
export const MAX_TEMPORAL_BINS = 24;

/** The calendar width for values spanning loMs..hiMs (DATE columns are binned by whole days at least). */
export function temporalStep(loMs: number, hiMs: number, dateOnly: boolean): Step {
  const candidates = dateOnly ? STEPS.filter((s) => s.ms >= DAY) : STEPS;
  return candidates.find((s) => (hiMs - loMs) / s.ms < MAX_TEMPORAL_BINS) ?? candidates[candidates.length - 1]!;
}

function advance(ms: number, step: Step): number {
  if (step.months === 0) return ms + step.ms;
  const d = new Date(ms);
  d.setUTCMonth(d.getUTCMonth() + step.months);
  return d.getTime();
}

const iso = (ms: number, dateOnly: boolean) => {
  const text = new Date(ms).toISOString();
  return dateOnly ? text.slice(0, 10) : text;
};

/** Bucket counts keyed by bucket start (epoch ms, from DuckDB's time_bucket) as contiguous bins, empty ones counting 0. */
export function temporalBins(step: Step, counts: Map<number, number>, dateOnly: boolean): Histogram {
  const starts = [...counts.keys()].sort((a, b) => a - b);
  if (starts.length === 0) return { kind: "temporal", step: step.label, bins: [] };
  const bins: { start: string; end: string; count: number }[] = [];
  const last = starts[starts.length - 1]!;
  // Bounded: a step is chosen for at most MAX_TEMPORAL_BINS bins (calendar months vary, hence the margin).
  for (let at = starts[0]!; at <= last && bins.length < MAX_TEMPORAL_BINS * 2;) {
    const next = advance(at, step);
    bins.push({ start: iso(at, dateOnly), end: iso(next, dateOnly), count: counts.get(at) ?? 0 });
    at = next;
  }
  return { kind: "temporal", step: step.label, bins };
}

/**
 * Bin counts of a sample scaled to `total` (largest remainders, so they add up to it exactly): the
 * histogram of a large version is estimated from a sample and still sums to the column's non-null count.
 */
export function scaleCounts(counts: Map<number, number>, total: number): Map<number, number> {
  const sampled = [...counts.values()].reduce((a, b) => a + b, 0);
  if (sampled === 0) return new Map();
  const exact = [...counts].map(([key, count]) => ({ key, value: (count * total) / sampled }));
  const scaled = new Map(exact.map((e) => [e.key, Math.floor(e.value)]));
  let missing = total - [...scaled.values()].reduce((a, b) => a + b, 0);
  for (const e of [...exact].sort((a, b) => (b.value % 1) - (a.value % 1))) {
    if (missing <= 0) break;
    scaled.set(e.key, scaled.get(e.key)! + 1);
    missing--;
  }
  return scaled;
}
