import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Dates, numbers and sizes become text only in lib/util/format.ts, and mutations confirm only through sonner's
// toast: a second formatter or toast library is how five date formats came about.
const ROOTS = ["app", "components", "lib", "cli"];
const OWN = new Set(["lib/util/format.ts", "lib/util/one-format.test.ts"]);

type Rule = { what: string; pattern: RegExp; allowed?: Record<string, string> };
const RULES: Rule[] = [
  { what: "a locale formatter outside format.ts", pattern: /\.to(Locale(Date|Time)?String|DateString|TimeString)\(/ },
  {
    what: "an Intl formatter outside format.ts",
    pattern: /\bIntl\.(DateTimeFormat|NumberFormat|RelativeTimeFormat)\b/,
  },
  {
    what: "toUTCString (an HTTP date, not for people)",
    pattern: /\.toUTCString\(/,
    allowed: { "lib/files/serve-file.ts": "Last-Modified header" },
  },
  {
    what: "a second formatter",
    pattern: /(function|const)\s+format(Bytes|Date|DateTime|Number|Size|Relative|Percent)\b/,
  },
  {
    what: "a date or number library",
    pattern: /from\s+["'](date-fns|dayjs|moment|luxon|numeral|pretty-bytes|filesize)["']/,
  },
  {
    what: "a toast library other than sonner",
    pattern: /from\s+["'](react-hot-toast|react-toastify|notistack|@radix-ui\/react-toast)["']/,
  },
];

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name === "node_modules" || entry.name.startsWith(".") ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.(test|int\.test)\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

export function strayFormatters(files: { file: string; text: string }[]): string[] {
  const found: string[] = [];
  for (const { file, text } of files) {
    if (OWN.has(file)) continue;
    text.split("\n").forEach((line, i) => {
      for (const rule of RULES) {
        if (rule.pattern.test(line) && !rule.allowed?.[file])
          found.push(`${file}:${i + 1}: ${rule.what}: ${line.trim()}`);
      }
    });
  }
  return found;
}

describe("one date, number and size format, one toast", () => {
  it("no source file formats dates, numbers or sizes itself, or toasts through another library", () => {
    const files = ROOTS.flatMap((root) => sourceFiles(root)).map((file) => ({
      file: file.split(path.sep).join("/"),
      text: fs.readFileSync(file, "utf8"),
    }));
    expect(files.length).toBeGreaterThan(100);
    expect(strayFormatters(files)).toEqual([]);
  });

  it.each([
    ["components/x/when.tsx", "<span>{new Date(at).toLocaleDateString()}</span>"],
    ["components/x/count.tsx", "const n = rows.toLocaleString('en');"],
    ["lib/x/dates.ts", 'const fmt = new Intl.DateTimeFormat("en-US");'],
    ["lib/catalog/units.ts", "export function formatBytes(bytes: number) {"],
    ["lib/email/templates/x.tsx", "until {expiresAt.toUTCString()}"],
    ["components/x/save.tsx", 'import { toast } from "react-hot-toast";'],
  ])("would catch %s", (file, line) => {
    expect(strayFormatters([{ file, text: line }])).toHaveLength(1);
  });
});
