import mime from "mime-types";
import type { EntryKind, PreviewKind } from "./entry-types";

export { TEXT_PREVIEW_BYTES } from "./entry-types";

const TEXT_EXTENSIONS = new Set([
  "txt",
  "md",
  "markdown",
  "log",
  "json",
  "jsonl",
  "ndjson",
  "xml",
  "yaml",
  "yml",
  "toml",
  "ini",
  "cfg",
  "conf",
  "env",
  "js",
  "mjs",
  "cjs",
  "ts",
  "tsx",
  "jsx",
  "py",
  "rb",
  "go",
  "rs",
  "java",
  "kt",
  "c",
  "h",
  "cc",
  "cpp",
  "hpp",
  "cs",
  "php",
  "sh",
  "bash",
  "zsh",
  "sql",
  "r",
  "swift",
  "scala",
  "lua",
  "pl",
  "css",
  "scss",
  "html",
  "htm",
  "svg",
  "tsv",
  "dockerfile",
  "makefile",
  "gitignore",
  "properties",
  "tex",
]);
const TABLE_EXTENSIONS = new Set(["csv", "parquet"]);
// Formats browsers render natively in <img>; SVG is shown as text (it can carry scripts).
const IMAGE_TYPES = new Set([
  "image/png",
  "image/jpeg",
  "image/gif",
  "image/webp",
  "image/avif",
  "image/bmp",
  "image/x-icon",
  "image/vnd.microsoft.icon",
]);

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot >= 0 ? name.slice(dot + 1).toLowerCase() : name.toLowerCase();
}

/**
 * The content type a file is served with, from its name (never from what the uploading browser
 * claimed, so a user cannot label HTML as an image).
 */
export function contentTypeFor(name: string): string {
  const ext = extensionOf(name);
  if (ext === "parquet") return "application/vnd.apache.parquet";
  return mime.lookup(name) || (TEXT_EXTENSIONS.has(ext) ? "text/plain" : "application/octet-stream");
}

export function previewKindFor(kind: EntryKind, name: string, mimeType: string | null): PreviewKind {
  if (kind === "folder") return "none";
  const ext = extensionOf(name);
  const type = mimeType ?? contentTypeFor(name);
  if (TABLE_EXTENSIONS.has(ext)) return "table";
  if (IMAGE_TYPES.has(type)) return "image";
  if (type === "application/pdf") return "pdf";
  if (type.startsWith("video/") && ["mp4", "webm", "ogv", "mov"].includes(ext)) return "video";
  if (type.startsWith("audio/") && ["mp3", "wav", "ogg", "oga", "m4a", "flac", "weba"].includes(ext)) return "audio";
  if (
    type.startsWith("text/") ||
    TEXT_EXTENSIONS.has(ext) ||
    type === "application/json" ||
    type.endsWith("+xml") ||
    type.endsWith("+json")
  )
    return "text";
  return "none";
}

/**
 * Content types a download may show inline in the browser. Everything else (HTML, SVG, scripts,
 * unknown types) is always an attachment, so a stored file can never run as a page of our origin.
 */
export function isInlineSafe(type: string): boolean {
  return (
    IMAGE_TYPES.has(type) ||
    type === "application/pdf" ||
    type === "text/plain" ||
    type.startsWith("video/") ||
    type.startsWith("audio/")
  );
}

const LABELS: Record<string, string> = {
  csv: "CSV",
  tsv: "TSV",
  parquet: "Parquet",
  json: "JSON",
  md: "Markdown",
  txt: "Text",
  pdf: "PDF",
  zip: "ZIP archive",
  png: "PNG image",
  jpg: "JPEG image",
  jpeg: "JPEG image",
  gif: "GIF image",
  webp: "WebP image",
  svg: "SVG image",
  xlsx: "Excel workbook",
  xls: "Excel workbook",
  docx: "Word document",
  pptx: "PowerPoint",
  mp4: "MP4 video",
  mp3: "MP3 audio",
};

/** A short human label for the type column ("CSV", "PNG image", "Folder"). */
export function typeLabelFor(kind: EntryKind, name: string): string {
  if (kind === "folder") return "Folder";
  const ext = extensionOf(name);
  if (LABELS[ext]) return LABELS[ext];
  return name.includes(".") && ext.length <= 8 ? `${ext.toUpperCase()} file` : "File";
}
