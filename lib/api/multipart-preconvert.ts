import "server-only";
import { randomBytes } from "node:crypto";
import { GrowingCsv, type Preconverted } from "@/lib/catalog/ingest/growing-csv";
import type { IngestMode, SourceFormat } from "@/lib/catalog/types";
import { numberSetting } from "@/lib/config/number-settings";

// The multipart uploads of this process whose CSV is converted while the parts arrive (growing-csv.ts). Only this
// process's in-order appends feed one; parts another instance appends are read from the file when it completes.
const live = new Map<string, GrowingCsv>();

/** An upload converted while it arrives: plain CSV/TSV that replaces or creates data (an append must fit the dataset's columns first). */
function eligible(meta: {
  format: SourceFormat;
  mode: IngestMode;
  options?: object;
}): meta is { format: "csv" | "tsv"; mode: IngestMode } {
  return (
    (meta.format === "csv" || meta.format === "tsv") &&
    meta.mode !== "append" &&
    (meta.options === undefined || Object.keys(meta.options).length === 0)
  );
}

/**
 * The conversion fed by the parts this process appends to the upload's joined file, started with
 * its first part; null when the upload is not eligible or INGEST_PRECONVERT_UPLOADS is 0. At most
 * that many run per process: starting one more discards the oldest (which then converts whole).
 */
export function growingConversion(
  uploadId: string,
  meta: { format: SourceFormat; mode: IngestMode; options?: object },
  file: string,
  workRoot: string,
): GrowingCsv | null {
  const max = numberSetting("INGEST_PRECONVERT_UPLOADS");
  if (max <= 0 || !eligible(meta)) return null;
  const found = live.get(uploadId);
  if (found) return found.alive ? found : null;
  while (live.size >= max) {
    const [oldest, conversion] = live.entries().next().value!;
    live.delete(oldest);
    void conversion.discard();
  }
  // Each process converts into a folder of its own: two instances may both receive parts of one upload.
  const conversion = new GrowingCsv(
    file,
    meta.format,
    `${workRoot}/${uploadId}.pieces-${randomBytes(4).toString("hex")}`,
  );
  live.set(uploadId, conversion);
  return conversion;
}

/** The upload's conversion, now that its joined file is whole at `file` (`size` bytes), or null. */
export function finishConversion(uploadId: string, file: string, size: number): Preconverted | null {
  return live.get(uploadId)?.finish(file, size) ?? null;
}

/** Forgets the upload's conversion and deletes its pieces (completed, failed or aborted). */
export async function discardConversion(uploadId: string): Promise<void> {
  const conversion = live.get(uploadId);
  live.delete(uploadId);
  await conversion?.discard();
}
