import { describe, expect, it } from "vitest";
import { asciiFallback, contentDisposition } from "./disposition";
import { decideRange, ifRangeMatches, noneMatch } from "./http-range";

describe("decideRange", () => {
  const size = 1000;
  it.each([
    ["bytes=100-199", { kind: "partial", start: 100, end: 199 }],
    ["bytes=0-0", { kind: "partial", start: 0, end: 0 }],
    ["bytes=900-", { kind: "partial", start: 900, end: 999 }],
    ["bytes=900-5000", { kind: "partial", start: 900, end: 999 }],
    ["bytes=-100", { kind: "partial", start: 900, end: 999 }],
    ["bytes=-5000", { kind: "partial", start: 0, end: 999 }],
    ["bytes=999-999", { kind: "partial", start: 999, end: 999 }],
    ["BYTES = 1 - 2", { kind: "partial", start: 1, end: 2 }],
    ["bytes=1000-", { kind: "unsatisfiable" }],
    ["bytes=1000-2000", { kind: "unsatisfiable" }],
    ["bytes=-0", { kind: "unsatisfiable" }],
    [null, { kind: "full" }],
    ["bytes=200-100", { kind: "full" }],
    ["bytes=0-1,5-6", { kind: "full" }],
    ["items=0-1", { kind: "full" }],
    ["bytes=-", { kind: "full" }],
    ["bytes=abc", { kind: "full" }],
  ])("%j", (header, expected) => {
    expect(decideRange(header, size)).toEqual(expected);
  });

  it("cannot satisfy any range of an empty file", () => {
    expect(decideRange("bytes=0-", 0)).toEqual({ kind: "unsatisfiable" });
    expect(decideRange("bytes=-10", 0)).toEqual({ kind: "unsatisfiable" });
  });
});

describe("conditional requests", () => {
  const date = new Date("2026-01-02T03:04:05Z");
  it("If-Range matches only the same strong ETag or the exact date", () => {
    expect(ifRangeMatches(null, '"abc"', date)).toBe(true);
    expect(ifRangeMatches('"abc"', '"abc"', date)).toBe(true);
    expect(ifRangeMatches('"old"', '"abc"', date)).toBe(false);
    expect(ifRangeMatches('W/"abc"', '"abc"', date)).toBe(false);
    expect(ifRangeMatches(date.toUTCString(), '"abc"', date)).toBe(true);
    expect(ifRangeMatches(new Date(date.getTime() - 1000).toUTCString(), '"abc"', date)).toBe(false);
    expect(ifRangeMatches("not a date", '"abc"', date)).toBe(false);
  });

  it("If-None-Match matches any listed tag, weakly, or *", () => {
    expect(noneMatch('"x", "abc"', '"abc"')).toBe(true);
    expect(noneMatch('W/"abc"', '"abc"')).toBe(true);
    expect(noneMatch("*", '"abc"')).toBe(true);
    expect(noneMatch('"x"', '"abc"')).toBe(false);
    expect(noneMatch(null, '"abc"')).toBe(false);
  });
});

describe("contentDisposition", () => {
  it("keeps ASCII names as a quoted filename", () => {
    expect(contentDisposition("report 2026.csv")).toBe('attachment; filename="report 2026.csv"');
    expect(contentDisposition("photo.png", "inline")).toBe("inline; filename=photo.png");
  });

  it("adds an RFC 5987 filename* for non-ASCII names with an ASCII fallback", () => {
    const header = contentDisposition("Résumé – 東京.pdf");
    expect(header).toBe(
      `attachment; filename="Resume _ __.pdf"; filename*=UTF-8''R%C3%A9sum%C3%A9%20%E2%80%93%20%E6%9D%B1%E4%BA%AC.pdf`,
    );
    expect(/^[\x20-\x7e]*$/.test(header)).toBe(true); // a valid header value whatever the name
  });

  it("cannot be broken out of by quotes or semicolons", () => {
    const header = contentDisposition('evil"; filename="x.html');
    expect(header).toMatch(
      /^attachment; filename="evil_; filename=_x\.html"; filename\*=UTF-8''evil%22%3B%20filename%3D%22x\.html$/,
    );
    expect(asciiFallback('a"b\\c')).toBe("a_b_c");
  });
});
