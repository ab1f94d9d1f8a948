import { describe, expect, it } from "vitest";
import { numberBinning, numberBins, scaleCounts, temporalBins, temporalStep } from "./histogram-bins";

const DAY = 86_400_000;
const utc = (iso: string) => Date.parse(`${iso}Z`);

describe("histogram bins", () => {
  it("numbers: 20 equal-width bins, one per value for a small whole-number range, one when all values are equal", () => {
    expect(numberBinning(0, 100, false)).toEqual({ lo: 0, width: 5, count: 20 });
    expect(numberBinning(1, 5, true)).toEqual({ lo: 1, width: 1, count: 5 });
    expect(numberBinning(7, 7, true)).toEqual({ lo: 7, width: 1, count: 1 });
    const bins = numberBins(
      numberBinning(0, 100, false),
      new Map([
        [0, 3],
        [19, 2],
      ]),
    ).bins;
    expect(bins).toHaveLength(20);
    expect(bins[0]).toEqual({ start: 0, end: 5, count: 3 });
    expect(bins[19]).toEqual({ start: 95, end: 100, count: 2 });
    expect(bins.slice(1, 19).every((b) => b.count === 0)).toBe(true);
  });

  it("dates: the finest calendar width giving at most 24 bins, never under a day for a DATE", () => {
    expect(temporalStep(utc("2026-01-01T00:00:00"), utc("2026-01-01T03:00:00"), false).label).toBe("15 minutes");
    expect(temporalStep(utc("2026-01-01T00:00:00"), utc("2026-01-01T03:00:00"), true).label).toBe("1 day");
    expect(temporalStep(utc("2026-01-01T00:00:00"), utc("2026-12-31T00:00:00"), true).label).toBe("1 month");
    expect(temporalStep(utc("1900-01-01T00:00:00"), utc("2026-01-01T00:00:00"), true).label).toBe("10 years");
  });

  it("dates: empty calendar bins between filled ones are kept with count 0", () => {
    const month = temporalStep(0, 200 * DAY, true);
    const bins = temporalBins(
      month,
      new Map([
        [utc("2026-01-01T00:00:00"), 4],
        [utc("2026-04-01T00:00:00"), 1],
      ]),
      true,
    ).bins;
    expect(bins).toEqual([
      { start: "2026-01-01", end: "2026-02-01", count: 4 },
      { start: "2026-02-01", end: "2026-03-01", count: 0 },
      { start: "2026-03-01", end: "2026-04-01", count: 0 },
      { start: "2026-04-01", end: "2026-05-01", count: 1 },
    ]);
  });

  it("sample counts scale to the column's total exactly", () => {
    const scaled = scaleCounts(
      new Map([
        [0, 1],
        [1, 1],
        [2, 1],
      ]),
      100,
    );
    expect([...scaled.values()].reduce((a, b) => a + b, 0)).toBe(100);
    expect([...scaled.values()].sort()).toEqual([33, 33, 34]);
    expect(scaleCounts(new Map(), 10).size).toBe(0);
  });
});
