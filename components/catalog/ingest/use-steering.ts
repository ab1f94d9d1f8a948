"use client";
import { useState } from "react";
import { rereadIngestAction } from "@/lib/actions/catalog/reread-ingest";
import type { ColumnOverride, IngestOptions } from "@/lib/catalog/ingest/ingest-options";
import type { IngestReview } from "@/lib/catalog/ingest/ingest-review";

export type Steering = {
  review: IngestReview;
  /** the options as the uploader set them (the last one sent, even when it was refused) */
  options: IngestOptions;
  pending: boolean;
  error?: string;
  fieldErrors: Record<string, string>;
  /** reads the file again with `options` */
  apply(options: IngestOptions): Promise<void>;
  /** another delimiter, header, quote or encoding: the file is read again, then the column choices that still match are re-applied */
  applyDialect(dialect: Omit<IngestOptions, "columns">): Promise<void>;
};

/**
 * The review's reading of the upload: each change is sent at once and the new review replaces
 * the old one; a refused change keeps the last good reading on screen with the reason, and
 * the uploader's choice stays selected so they can change it. Controls are disabled while a
 * reading runs, so answers never arrive out of order.
 */
export function useSteering(initial: IngestReview): Steering {
  const [review, setReview] = useState(initial);
  const [options, setOptions] = useState<IngestOptions>(initial.reading.options);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const remembered = choiceMemory(initial.id);

  async function read(next: IngestOptions): Promise<IngestReview | null> {
    setOptions(next);
    setPending(true);
    const result = await rereadIngestAction(review.id, next);
    setPending(false);
    if (!result.ok) {
      setError(result.message);
      setFieldErrors(result.fieldErrors ?? {});
      return null;
    }
    setReview(result.data);
    setError(undefined);
    setFieldErrors({});
    return result.data;
  }

  async function apply(next: IngestOptions) {
    const before = options.columns ?? [];
    if (!(await read(next))) return; // only choices that worked are remembered
    const chosen = new Set((next.columns ?? []).map((c) => c.source));
    const memory = remembered.load();
    for (const { source } of before) if (!chosen.has(source)) memory.delete(source);
    for (const column of next.columns ?? []) memory.set(column.source, column);
    remembered.save(memory);
  }

  async function applyDialect(dialect: Omit<IngestOptions, "columns">) {
    const fresh = await read({ ...dialect, columns: undefined });
    if (!fresh) return;
    const names = new Set(fresh.sourceColumns.map((c) => c.name));
    const memory = remembered.load();
    for (const column of options.columns ?? []) if (!memory.has(column.source)) memory.set(column.source, column);
    remembered.save(memory);
    const again = [...memory.values()].filter((c) => names.has(c.source));
    if (again.length > 0) await read({ ...dialect, columns: again });
  }

  return { review, options, pending, error, fieldErrors, apply, applyDialect };
}

/**
 * Every column choice made while reviewing one upload, by the file's column name: a dialect that
 * brings a column back (the delimiter changed and changed back) brings its choice back too. Kept
 * in sessionStorage, since the page may be rendered afresh between two readings.
 */
function choiceMemory(ingestId: string) {
  const key = `datashelf:ingest-choices:${ingestId}`;
  return {
    load(): Map<string, ColumnOverride> {
      try {
        const saved = JSON.parse(window.sessionStorage.getItem(key) ?? "[]") as ColumnOverride[];
        return new Map(saved.map((c) => [c.source, c]));
      } catch {
        return new Map();
      }
    },
    save(memory: Map<string, ColumnOverride>) {
      try {
        window.sessionStorage.setItem(key, JSON.stringify([...memory.values()]));
      } catch {
        // storage full or disabled: choices are then not brought back after a dialect change
      }
    },
  };
}
