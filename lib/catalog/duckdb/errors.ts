import { AppError, invalid } from "@/lib/util/errors";
import type { SourceFormat } from "../types";

/** The server's disk (or the filesystem holding its scratch space) is full: never the user's fault. */
export function isDiskFull(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return (error as NodeJS.ErrnoException).code === "ENOSPC" || /No space left on device|ENOSPC/i.test(error.message);
}

/**
 * Rule: a full disk is reported as 507 with a plain message, never as the user's file being
 * wrong (422) and never with the server's paths or DuckDB's text.
 */
export function storageFull(what: string): AppError {
  return new AppError(
    "insufficient_storage",
    `The server ran out of storage space while ${what}. Nothing was changed; try again later, and tell the administrator if it keeps happening.`,
  );
}

/** DuckDB stopped a sort or grouping that needed more spill space than CATALOG_MAX_SPILL_BYTES. */
export function isSpillLimit(error: unknown): boolean {
  return error instanceof Error && /max_temp_directory_size/.test(error.message);
}

function firstLine(text: string): string {
  return (
    text
      .split("\n")
      .find((l) => l.trim())
      ?.trim() ?? text
  );
}

/**
 * DuckDB's message without its "Xxx Error: " prefix, with the uploaded file's server-side path
 * replaced by its name and any other server path by a placeholder.
 */
function clean(message: string, stagedPath: string, sourceName: string): string {
  return firstLine(message.replaceAll(stagedPath, sourceName))
    .replace(/^[A-Za-z ]+ Error: /, "")
    .replace(/(["'])\/[^"']*\1/g, "(a server file)");
}

/**
 * Turns DuckDB's error for an unreadable upload into a message naming the problem and, when
 * DuckDB knows it, the line. Input and conversion errors say the file could not be read (it
 * is the file's fault), with DuckDB's first line of explanation; resource and internal errors
 * are passed through as the server's.
 */
export function readError(error: unknown, format: SourceFormat, stagedPath: string, sourceName: string): Error {
  if (error instanceof AppError) return error;
  if (isDiskFull(error)) return storageFull("converting the file");
  const message = error instanceof Error ? error.message : String(error);
  const csvLine = /CSV Error on Line: (\d+)/.exec(message)?.[1];
  if (csvLine) {
    if (/not utf-8 encoded/i.test(message))
      return invalid(
        `Line ${csvLine}: the file is not UTF-8 text. Save it as UTF-8 (CSV UTF-8 in Excel) and upload it again.`,
      );
    const conversion = /Error when converting column "(.*)"\. Could not convert string "(.*)" to '(.+)'/.exec(message);
    if (conversion)
      return invalid(
        `Line ${csvLine}: the value "${conversion[2]}" in column "${conversion[1]}" is not a valid ${conversion[3]}.`,
      );
    const detail = message
      .split("\n")
      .slice(1)
      .find((l) => l.trim() && !/^Original Line/.test(l));
    return invalid(`Line ${csvLine}: ${detail?.trim() ?? "the row could not be read."}`);
  }
  const json = /Malformed JSON in file .*?, at byte (\d+) in (line|record\/value) (\d+): ([^.\n]*)/.exec(message);
  if (json)
    return invalid(`${json[2] === "line" ? "Line" : "Record"} ${json[3]}: malformed JSON (${json[4]!.trim()}).`);
  if (/Expected top-level JSON array/.test(message)) {
    return invalid(
      'A .json file must hold one array of objects, like [{"id": 1}, {"id": 2}]. For one object per line, name the file .jsonl.',
    );
  }
  if (/expected records, but got non-record JSON/.test(message)) {
    return invalid(
      `Every JSON value must be an object ({"column": value, …}).${format === "jsonl" ? " A JSON Lines file has one object per line." : ""}`,
    );
  }
  if (/Parquet|magic bytes/i.test(message) && format === "parquet") {
    return invalid(`This is not a readable Parquet file (${clean(message, stagedPath, sourceName)}).`);
  }
  if (/Error when sniffing file|not possible to automatically detect the CSV/.test(message)) {
    return invalid(
      "The file's layout could not be recognised as delimited text (CSV/TSV). Check its delimiter and quoting.",
    );
  }
  if (/^(Invalid Input|Conversion|Binder|Parser|IO) Error/.test(message)) {
    return invalid(`The file could not be read: ${clean(message, stagedPath, sourceName)}`);
  }
  // Out of memory, I/O and internal errors are the server's problem: reported as such, and logged.
  return error instanceof Error ? error : new Error(message);
}
