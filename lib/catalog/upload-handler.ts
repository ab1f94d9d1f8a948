import "server-only";
import { z } from "zod";
import { nameCharacterProblem, normaliseName } from "@/lib/files/names";
import type { UploadHandler } from "@/lib/uploads/types";
import { AppError, invalid } from "@/lib/util/errors";
import { catalogConfig } from "./config";
import { detectFormat } from "./formats";
import { formatBytes } from "./units";
import { authorizeIngest } from "./ingest/authorize-ingest";
import { ingestOptionsSchema } from "./ingest/ingest-options";
import { prepareIngest } from "./ingest/prepare-ingest";
import { INGEST_MODES } from "./types";

const metadataSchema = z.object({
  workspaceId: z
    .string({ error: "The upload does not say which workspace it is for." })
    .min(1, "The upload does not say which workspace it is for."),
  mode: z.enum(INGEST_MODES, { error: 'The upload mode is "create", "append" or "replace".' }).default("create"),
  datasetId: z.string().optional(),
  filename: z
    .string({ error: "The upload has no file name." })
    .transform(normaliseName)
    .pipe(
      z
        .string()
        .min(1, "The upload has no file name.")
        .max(255, "The file name is too long (255 characters at most).")
        .superRefine((name, context) => {
          const problem = nameCharacterProblem(name);
          if (problem) context.addIssue({ code: "custom", message: `The file name is refused: ${problem}` });
        }),
    ),
  format: z.string().optional(),
  // tus metadata values are strings: the reading options as JSON (see ingestOptionsSchema)
  options: z
    .string()
    .optional()
    .transform((text, context) => {
      if (!text) return undefined;
      try {
        return JSON.parse(text) as unknown;
      } catch {
        context.addIssue({ code: "custom", message: "The upload's options are not valid JSON." });
        return z.NEVER;
      }
    })
    .pipe(ingestOptionsSchema.optional()),
});

/**
 * Dataset uploads on the one tus endpoint (metadata kind "dataset"). At creation: the target
 * and the uploader's right to write it, the file type and the size limit are checked before a
 * single byte is stored. When complete: the file becomes a pending ingest (converted to
 * Parquet) and the client is sent to its review page.
 */
export const datasetUploadHandler: UploadHandler = {
  async authorize(actor, metadata, size) {
    const meta = metadataSchema.parse(metadata);
    const format = detectFormat(meta.filename, meta.format || undefined);
    if (size === undefined) throw invalid("The file's size must be known when the upload starts.");
    if (size === 0) throw invalid("The file is empty.");
    const { maxUploadBytes } = catalogConfig();
    if (size > maxUploadBytes) {
      throw new AppError(
        "too_large",
        `The file is ${formatBytes(size)}; datasets can be uploaded up to ${formatBytes(maxUploadBytes)}.`,
      );
    }
    await authorizeIngest(actor, meta);
    return {
      workspaceId: meta.workspaceId,
      mode: meta.mode,
      datasetId: meta.datasetId ?? "",
      filename: meta.filename,
      format,
      ...(meta.options ? { options: JSON.stringify(meta.options) } : {}),
    };
  },

  async finish(actor, upload) {
    const meta = metadataSchema.parse(upload.metadata);
    const format = detectFormat(meta.filename, meta.format || undefined);
    const ingest = await prepareIngest(actor, {
      workspaceId: meta.workspaceId,
      mode: meta.mode,
      datasetId: meta.datasetId || null,
      sourcePath: upload.path,
      sourceName: meta.filename,
      format,
      options: meta.options,
      review: true,
    });
    return { ingestId: ingest.id, url: ingest.url, rows: ingest.addedRows, columns: ingest.columns.length };
  },
};
