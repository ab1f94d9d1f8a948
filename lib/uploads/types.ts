import type { Actor } from "@/lib/access";

export type UploadMetadata = Record<string, string>;

/** A tus upload whose bytes have all arrived, staged on local disk at `path`. */
export type FinishedUpload = { id: string; size: number; path: string; metadata: UploadMetadata };

/**
 * What a feature (files, catalog) plugs into the one tus endpoint, chosen by the upload's
 * `kind` metadata. Both methods run as the uploading user and must check access themselves
 * through lib/access; throwing an AppError refuses the upload with its message.
 */
export type UploadHandler = {
  /** At creation: validate the metadata and permissions (and size against limits/quotas); may return normalised metadata. */
  authorize(actor: Actor, metadata: UploadMetadata, size: number | undefined): Promise<UploadMetadata | void>;
  /** When complete: turn the staged bytes into a resource (atomically), returning JSON for the client. */
  finish(actor: Actor, upload: FinishedUpload): Promise<Record<string, unknown>>;
};
