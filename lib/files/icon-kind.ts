// Which icon a listing row shows. Pure and dependency-free, so the browser bundle can use it.
import type { EntryKind } from "./entry-types";

export type IconKind = "folder" | "table" | "parquet" | "json" | "pdf" | "image" | "text" | "archive" | "file";

const BY_EXTENSION: Record<string, IconKind> = {};
const groups: [IconKind, string[]][] = [
  ["table", ["csv", "tsv", "xlsx", "xls", "ods"]],
  ["parquet", ["parquet"]],
  ["json", ["json", "jsonl", "ndjson", "geojson"]],
  ["pdf", ["pdf"]],
  ["image", ["png", "jpg", "jpeg", "gif", "webp", "avif", "bmp", "ico", "svg", "tif", "tiff", "heic"]],
  [
    "text",
    ["txt", "md", "markdown", "log", "rst", "xml", "yaml", "yml", "toml", "ini", "cfg", "conf", "sql", "tex", "rtf"],
  ],
  ["archive", ["zip", "gz", "tgz", "tar", "bz2", "xz", "zst", "7z", "rar"]],
];
for (const [kind, extensions] of groups) for (const ext of extensions) BY_EXTENSION[ext] = kind;

/** The icon for an entry: folders by kind, files by their name's extension, anything unknown the generic file. */
export function iconKindFor(kind: EntryKind, name: string): IconKind {
  if (kind === "folder") return "folder";
  const dot = name.lastIndexOf(".");
  if (dot <= 0) return "file";
  return BY_EXTENSION[name.slice(dot + 1).toLowerCase()] ?? "file";
}
