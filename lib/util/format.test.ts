import { afterEach, describe, expect, it, vi } from "vitest";
import { formatBytes, formatDate, formatDateTime, formatIsoDate, formatNumber, formatRelative } from "./format";

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
  process.env.TZ = originalTz;
});
const originalTz = process.env.TZ;

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

describe("dates", () => {
  it("read the same whatever the server's or browser's time zone: UTC, day month year", async () => {
    for (const tz of ["UTC", "America/Los_Angeles", "Asia/Tokyo"]) {
      // The formatters are built when the module loads, so each zone gets a fresh copy of it.
      process.env.TZ = tz;
      vi.resetModules();
      const { formatDate, formatDateTime, formatIsoDate } = await import("./format");
      expect(formatDate("2026-11-30T23:30:00Z")).toBe("30 Nov 2026");
      expect(formatDateTime("2026-11-30T23:30:00Z")).toBe("30 Nov 2026, 23:30 UTC");
      expect(formatIsoDate("2026-11-30T23:30:00Z")).toBe("2026-11-30");
    }
  });

  it("accept a Date, an ISO string or milliseconds", () => {
    const ms = Date.parse("2026-01-05T08:05:00Z");
    expect(formatDateTime(new Date(ms))).toBe("5 Jan 2026, 08:05 UTC");
    expect(formatDateTime(ms)).toBe("5 Jan 2026, 08:05 UTC");
    expect(formatDate(new Date(ms).toISOString())).toBe("5 Jan 2026");
  });

  it("show a dash for missing or invalid dates instead of throwing or printing 'Invalid Date'", () => {
    for (const bad of ["", "not a date", "2026-13-45", Number.NaN, new Date(Number.NaN), null, undefined]) {
      expect(formatDate(bad)).toBe("—");
      expect(formatDateTime(bad)).toBe("—");
      expect(formatRelative(bad)).toBe("—");
    }
    expect(formatIsoDate("not a date")).toBe("");
  });

  it("relative to now, in both directions", () => {
    const now = Date.parse("2026-11-30T12:00:00Z");
    expect(formatRelative("2026-11-30T11:59:30Z", now)).toBe("just now");
    expect(formatRelative("2026-11-30T11:55:00Z", now)).toBe("5 minutes ago");
    expect(formatRelative("2026-11-29T12:00:00Z", now)).toBe("yesterday");
    expect(formatRelative("2026-11-27T10:00:00Z", now)).toBe("3 days ago");
    expect(formatRelative("2025-10-30T12:00:00Z", now)).toBe("last year");
    expect(formatRelative("2026-11-30T14:00:00Z", now)).toBe("in 2 hours");
  });
});

describe("numbers and sizes", () => {
  it("group thousands and keep at most three decimals", () => {
    expect(formatNumber(1234567)).toBe("1,234,567");
    expect(formatNumber(-0.5)).toBe("-0.5");
    expect(formatNumber(3.14159265)).toBe("3.142");
    expect(formatNumber(Number.MAX_SAFE_INTEGER)).toBe("9,007,199,254,740,991");
    expect(formatNumber(12345678901234567890n)).toBe("12,345,678,901,234,567,890");
    expect(formatNumber(1e21)).toBe("1,000,000,000,000,000,000,000");
  });

  it("show a dash for values that are not numbers", () => {
    for (const bad of [Number.NaN, Infinity, -Infinity, null, undefined]) expect(formatNumber(bad)).toBe("—");
    for (const bad of [Number.NaN, Infinity, -1]) expect(formatBytes(bad)).toBe("—");
  });

  it("sizes in binary multiples, one decimal under 10", () => {
    expect(formatBytes(0)).toBe("0 B");
    expect(formatBytes(1023)).toBe("1023 B");
    expect(formatBytes(1536)).toBe("1.5 KB");
    expect(formatBytes(100_000)).toBe("97.7 KB");
    expect(formatBytes(1_000_000)).toBe("977 KB");
    expect(formatBytes(5 * 1024 ** 3)).toBe("5.0 GB");
    expect(formatBytes(2 ** 60)).toBe("1,024 PB");
  });

  it("a page of rows builds no formatter per row (they are built once per process)", () => {
    const built = countFormattersBuilt();
    const now = Date.now();
    for (let i = 0; i < 500; i++) {
      const iso = new Date(now - i * 3_600_000).toISOString();
      formatRelative(iso, now);
      formatDate(iso);
      formatDateTime(iso);
      formatNumber(i * 1000.5);
      formatBytes(i * 100_000);
    }
    expect(built()).toBe(0);
  });
});
