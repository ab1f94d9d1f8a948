import "server-only";
import { z } from "zod";
import type { UploadHandler, UploadMetadata } from "@/lib/uploads/types";
import { AppError } from "@/lib/util/errors";
import { CLASH_POLICIES, type ClashPolicy } from "./entry-types";
import { formatBytes } from "@/lib/util/format";
import { uploadMaxBytes } from "./limits";
import { loadEntry } from "./load-entry";
import { validateName, validateRelativePath } from "./names";
import { assertWithinQuota } from "./quota";
import { storeFile } from "./store-file";

const metadataSchema = z.object({
  folderId: z.string().min(1, "Choose the folder to upload to."),
  name: z.string().optional(),
  /** folder uploads: "photos/2026/a.jpg", the file name last */
  relativePath: z.string().optional(),
  /** set by authorize (the folder's workspace), ignored from the client */
  workspaceId: z.string().optional(),
  onClash: z.enum(CLASH_POLICIES as [ClashPolicy, ...ClashPolicy[]]).default("keep-both"),
});

/** The validated path segments of an upload: its relative path, or just its name. */
function segmentsOf(metadata: z.infer<typeof metadataSchema>): string[] {
  if (metadata.relativePath) return validateRelativePath(metadata.relativePath);
  if (metadata.name === undefined) throw new AppError("invalid", "The upload has no file name.", { name: "Required." });
  return [validateName(metadata.name)];
}

function parse(metadata: UploadMetadata) {
  const clean = Object.fromEntries(Object.entries(metadata).filter(([, v]) => v !== ""));
  const parsed = metadataSchema.parse(clean);
  return { ...parsed, segments: segmentsOf(parsed) };
}

/** Files uploaded through the tus endpoint (metadata kind "file"). */
export const fileUploadHandler: UploadHandler = {
  async authorize(actor, metadata, size) {
    const { folderId, onClash, segments } = parse(metadata);
    if (size === undefined)
      throw new AppError("bad_request", "The size of a file upload must be known when it starts.");
    const max = uploadMaxBytes();
    if (size > max)
      throw new AppError(
        "too_large",
        `"${segments.at(-1)}" is ${formatBytes(size)}; the largest file you can upload is ${formatBytes(max)}.`,
      );
    const folder = await loadEntry(actor, folderId, "write", { kind: "folder" });
    return {
      folderId,
      onClash,
      relativePath: segments.join("/"),
      name: segments.at(-1)!,
      workspaceId: folder.workspaceId,
    };
  },

  // The upload's row already counts its size as used: this refuses it if that passes the quota.
  reserve: (tx, workspaceId, size) => assertWithinQuota(workspaceId, size, tx),

  async finish(actor, upload) {
    const { folderId, onClash, segments } = parse(upload.metadata);
    // storeFile checks write access again: it may have been withdrawn while the bytes arrived.
    return storeFile(
      actor,
      { folderId, onClash, segments, uploadId: upload.id },
      { path: upload.path, sha256: upload.sha256 },
    );
  },
};
