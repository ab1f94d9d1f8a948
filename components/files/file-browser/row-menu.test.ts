import { describe, expect, it } from "vitest";
import type { EntryRow } from "@/lib/files/entry-types";
import { rowMenuItems } from "./row-menu";

const entry = (kind: "file" | "folder", name: string): EntryRow => ({
  id: `id-${name}`,
  kind,
  name,
  size: kind === "file" ? 10 : null,
  mimeType: null,
  typeLabel: kind === "file" ? "Text" : "Folder",
  preview: kind === "file" ? "text" : "none",
  modifiedAt: "2026-11-30T12:00:00.000Z",
  modifiedBy: null,
});

const noop = () => {};
const handlers = { onRename: noop, onMove: noop, onShare: noop, onTrash: noop, canDownload: true };
const labels = (items: { label: string }[]) => items.map((i) => i.label);

describe("rowMenuItems", () => {
  it("offers a visitor or viewer only the download", () => {
    const items = rowMenuItems(entry("file", "a.txt"), {
      ...handlers,
      canChange: false,
      canShare: false,
      linkToken: "tok",
    });
    expect(labels(items)).toEqual(["Download"]);
    expect(items[0]).toMatchObject({ href: "/api/files/id-a.txt/download?link=tok", download: "a.txt" });
  });

  it("offers an editor the changes but not sharing, and a manager everything", () => {
    const file = entry("file", "a.txt");
    expect(labels(rowMenuItems(file, { ...handlers, canChange: true, canShare: false }))).toEqual([
      "Download",
      "Rename…",
      "Move…",
      "Move to trash",
    ]);
    expect(labels(rowMenuItems(file, { ...handlers, canChange: true, canShare: true }))).toEqual([
      "Download",
      "Rename…",
      "Move…",
      "Share…",
      "Move to trash",
    ]);
  });

  it("offers no download where downloads are not allowed (view-only), and keeps the rest", () => {
    const file = entry("file", "a.txt");
    expect(labels(rowMenuItems(file, { ...handlers, canDownload: false, canChange: false, canShare: false }))).toEqual(
      [],
    );
    expect(
      labels(rowMenuItems(entry("folder", "f"), { ...handlers, canDownload: false, canChange: true, canShare: false })),
    ).toEqual(["Rename…", "Move…", "Move to trash"]);
  });

  it("downloads a folder as a ZIP named after it", () => {
    const [download] = rowMenuItems(entry("folder", "reports"), { ...handlers, canChange: false, canShare: false });
    expect(download).toMatchObject({
      label: "Download ZIP",
      href: "/api/folders/id-reports/zip",
      download: "reports.zip",
    });
  });

  it("hands the row to the chosen action", () => {
    const chosen: string[] = [];
    const file = entry("file", "a.txt");
    const items = rowMenuItems(file, {
      canDownload: true,
      canChange: true,
      canShare: true,
      onRename: (e) => chosen.push(`rename ${e.name}`),
      onMove: (e) => chosen.push(`move ${e.name}`),
      onShare: (e) => chosen.push(`share ${e.name}`),
      onTrash: (e) => chosen.push(`trash ${e.name}`),
    });
    for (const item of items) item.onSelect?.();
    expect(chosen).toEqual(["rename a.txt", "move a.txt", "share a.txt", "trash a.txt"]);
  });
});
