import { afterEach, describe, expect, it } from "vitest";
import { formatCount } from "./units";

// Intl's members are read-only in the type definitions, not at run time.
const intl = Intl as unknown as Record<"RelativeTimeFormat" | "DateTimeFormat" | "NumberFormat", object>;
const original = {
  relative: Intl.RelativeTimeFormat,
  dateTime: Intl.DateTimeFormat,
  number: Intl.NumberFormat,
  dateToLocale: Date.prototype.toLocaleString,
  numberToLocale: Number.prototype.toLocaleString,
};
afterEach(() => {
  intl.RelativeTimeFormat = original.relative;
  intl.DateTimeFormat = original.dateTime;
  intl.NumberFormat = original.number;
  Date.prototype.toLocaleString = original.dateToLocale;
  Number.prototype.toLocaleString = original.numberToLocale;
});

/** Counts every formatter built from now on (constructors and the toLocaleString shortcuts that build one per call). */
function countFormattersBuilt(): () => number {
  let built = 0;
  const counting = (Base: object) =>
    new Proxy(Base, {
      construct(target, args, newTarget) {
        built++;
        return Reflect.construct(target as new (...a: unknown[]) => object, args, newTarget);
      },
    });
  intl.RelativeTimeFormat = counting(original.relative);
  intl.DateTimeFormat = counting(original.dateTime);
  intl.NumberFormat = counting(original.number);
  Date.prototype.toLocaleString = function (this: Date, ...args: Parameters<Date["toLocaleString"]>) {
    built++;
    return original.dateToLocale.apply(this, args);
  } as Date["toLocaleString"];
  Number.prototype.toLocaleString = function (this: number, ...args: Parameters<number["toLocaleString"]>) {
    built++;
    return original.numberToLocale.apply(this, args);
  } as number["toLocaleString"];
  return () => built;
}

describe("catalog time and count labels", () => {
  it("read as before: relative to now, exact in UTC, counts with separators", async () => {
    const { relativeLabel, exactUtcLabel } = await import("./time-format");
    const now = Date.parse("2026-11-30T12:00:00Z");
    expect(relativeLabel("2026-11-30T11:59:30Z", now)).toBe("just now");
    expect(relativeLabel("2026-11-30T11:55:00Z", now)).toBe("5 minutes ago");
    expect(relativeLabel("2026-11-29T12:00:00Z", now)).toBe("yesterday");
    expect(relativeLabel("2026-11-27T10:00:00Z", now)).toBe("3 days ago");
    expect(relativeLabel("2025-10-30T12:00:00Z", now)).toBe("last year");
    expect(exactUtcLabel("2026-11-30T12:25:00Z")).toBe("30 Nov 2026, 12:25 UTC");
    expect(formatCount(1234567)).toBe("1,234,567");
  });

  it("a page of rows builds no formatter per row (they are built once per process)", async () => {
    const { relativeLabel, exactUtcLabel } = await import("./time-format");
    const built = countFormattersBuilt();
    const now = Date.now();
    for (let i = 0; i < 500; i++) {
      const iso = new Date(now - i * 3_600_000).toISOString();
      relativeLabel(iso, now);
      exactUtcLabel(iso);
      formatCount(i * 1000);
    }
    expect(built()).toBe(0);
  });
});
