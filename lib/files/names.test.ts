import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/util/errors";
import { keepBothName } from "./free-name";
import { MAX_NAME_LENGTH, nameKey, validateName, validateRelativePath } from "./names";

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("invalid");
    return (error as AppError).message;
  }
  throw new Error("expected a refusal");
}

describe("validateName", () => {
  it("accepts ordinary, Unicode and punctuated names, trimmed and NFC-normalised", () => {
    expect(validateName("  report 2026.csv ")).toBe("report 2026.csv"); // no stored name ends with a space
    expect(validateName("report\u00a0\u3000")).toBe("report");
    expect(validateName("Résumé – final (v2).pdf")).toBe("Résumé – final (v2).pdf");
    expect(validateName("e\u0301t\u00e9.txt")).toBe("\u00e9t\u00e9.txt"); // decomposed é becomes one code point
    expect(validateName(".gitignore")).toBe(".gitignore");
    expect(validateName("Ünïcödé ✓ 日本語.txt")).toBe("Ünïcödé ✓ 日本語.txt");
    expect(validateName("\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645.txt")).toHaveLength(12); // Persian needs ZWNJ between letters
    expect(validateName("family \u{1F468}\u200d\u{1F469}\u200d\u{1F467}.png")).toContain("\u200d"); // emoji ZWJ sequences
    expect(validateName("a".repeat(MAX_NAME_LENGTH))).toHaveLength(MAX_NAME_LENGTH);
  });

  it.each([
    ["", /empty/],
    ["   ", /empty/],
    [".", /not allowed/],
    ["..", /not allowed/],
    ["../x", /"\/"/],
    ["a/../../b", /"\/"/],
    ["/etc/passwd", /"\/"/],
    ["dir\\file", /"\\"/],
    ["..\\..\\windows", /"\\"/],
    ["nul\u0000byte", /control characters/],
    ["line\nbreak", /control characters/],
    ["tab\there", /control characters/],
    ["del\u007f", /control characters/],
    ["c1\u0085", /control characters/],
    ["se\u2028p", /control characters/],
    ["bom\ufeffx", /control characters/],
    ["a".repeat(MAX_NAME_LENGTH + 1), /at most 255/],
    // Reliability 13.9: names that disguise themselves or were not valid UTF-8.
    ["invoice\u202Efdp.exe", /bidirectional control/],
    ["a\u2066b\u2069.txt", /bidirectional control/],
    ["rtl\u200f.txt", /bidirectional control/],
    ["ad\u200bmin.txt", /invisible/],
    ["\u200dreport.txt", /invisible/],
    ["report\u2060.txt", /invisible/],
    ["soft\u00adhyphen", /invisible/],
    ["report.txt.", /end with a space or a dot/],
    ["...", /end with a space or a dot/],
    ["report.txt. ", /end with a space or a dot/],
    ["caf\ufffd.csv", /valid UTF-8/],
    ["lone\ud800surrogate", /valid UTF-8/],
  ])("refuses %j", (name, message) => {
    expect(refusal(() => validateName(name))).toMatch(message);
  });

  it("puts the problem on the named field", () => {
    try {
      validateName("a/b", "title");
    } catch (error) {
      expect((error as AppError).fieldErrors).toEqual({ title: expect.stringContaining("/") });
    }
  });

  it("clashes case-insensitively", () => {
    expect(nameKey("Report.CSV")).toBe(nameKey("report.csv"));
  });
});

describe("validateRelativePath", () => {
  it("splits a folder upload's path into validated names", () => {
    expect(validateRelativePath("photos/2026/a.jpg")).toEqual(["photos", "2026", "a.jpg"]);
    expect(validateRelativePath("a.jpg")).toEqual(["a.jpg"]);
  });

  it.each(["../x", "a/../../b", "a/./b", "/abs/x", "a//b", "a/", "a\\b/c", "ok/n\u0000ul"])("refuses %j", (path) => {
    refusal(() => validateRelativePath(path));
  });

  it("refuses paths nested deeper than the limit", () => {
    expect(refusal(() => validateRelativePath(`${"d/".repeat(41)}f`))).toMatch(/nested at most/);
  });
});

describe("keepBothName", () => {
  it("numbers before the extension and skips taken numbers, case-insensitively", () => {
    expect(keepBothName("a.csv", new Set())).toBe("a.csv");
    expect(keepBothName("a.csv", new Set(["a.csv"]))).toBe("a (1).csv");
    expect(keepBothName("A.csv", new Set(["a.csv", "a (1).csv"]))).toBe("A (2).csv");
    expect(keepBothName("a (1).csv", new Set(["a (1).csv"]))).toBe("a (2).csv");
    expect(keepBothName("archive.tar.gz", new Set(["archive.tar.gz"]))).toBe("archive.tar (1).gz");
    expect(keepBothName(".env", new Set([".env"]))).toBe(".env (1)");
    expect(keepBothName("folder", new Set(["folder"]))).toBe("folder (1)");
  });

  it("stays within the length limit", () => {
    const long = `${"x".repeat(MAX_NAME_LENGTH - 4)}.csv`;
    const next = keepBothName(long, new Set([nameKey(long)]));
    expect(next.length).toBeLessThanOrEqual(MAX_NAME_LENGTH);
    expect(next.endsWith(" (1).csv")).toBe(true);
  });
});
