"use client";
import { useState } from "react";
import { rereadIngestAction } from "@/lib/actions/catalog/reread-ingest";
import type { IngestOptions } from "@/lib/catalog/ingest/ingest-options";
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
  /** another delimiter, header, quote or encoding: other columns, so the column choices start over */
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
    await read(next);
  }

  async function applyDialect(dialect: Omit<IngestOptions, "columns">) {
    await read({ ...dialect, columns: undefined });
  }

  return { review, options, pending, error, fieldErrors, apply, applyDialect };
}
