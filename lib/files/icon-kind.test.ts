import { describe, expect, it } from "vitest";
import { iconKindFor } from "./icon-kind";

describe("iconKindFor", () => {
  it.each([
    ["folder", "reports.csv", "folder"],
    ["file", "q1-sales.csv", "table"],
    ["file", "Budget.XLSX", "table"],
    ["file", "events.parquet", "parquet"],
    ["file", "config.json", "json"],
    ["file", "rows.ndjson", "json"],
    ["file", "report.pdf", "pdf"],
    ["file", "logo.png", "image"],
    ["file", "README.md", "text"],
    ["file", "backup.tar.gz", "archive"],
    ["file", "photos.zip", "archive"],
    ["file", "program.exe", "file"],
    ["file", "Makefile", "file"],
    ["file", ".env", "file"],
  ] as const)("%s %s → %s", (kind, name, expected) => {
    expect(iconKindFor(kind, name)).toBe(expected);
  });
});
