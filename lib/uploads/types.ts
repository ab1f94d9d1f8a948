import type { Actor } from "@/lib/access";
import type { JsonObjectInput, Tx } from "@/lib/db";

export type UploadMetadata = Record<string, string>;

/**
 * A tus upload whose bytes have all arrived, staged on local disk at `path`; `sha256` (hex) when
 * this instance hashed them as they arrived (otherwise a handler that needs it reads the file).
 */
export type FinishedUpload = { id: string; size: number; path: string; metadata: UploadMetadata; sha256?: string };

/**
 * What a feature (files, catalog) plugs into the one tus endpoint, chosen by the upload's
 * `kind` metadata. Both methods run as the uploading user and must check access themselves
 * through lib/access; throwing an AppError refuses the upload with its message.
 */
export type UploadHandler = {
  /** At creation: validate the metadata and permissions (and size against limits/quotas); may return normalised metadata. */
  authorize(actor: Actor, metadata: UploadMetadata, size: number | undefined): Promise<UploadMetadata | void>;
  /**
   * Optional: at creation, in the transaction that records the upload (its size then counts as
   * used in `metadata.workspaceId`), refuse it if that passes a limit (the files quota).
   */
  reserve?(tx: Tx, workspaceId: string, size: number, metadata: UploadMetadata): Promise<void>;
  /**
   * Optional: whose upload row this is, from authorize's metadata (default: the acting user's).
   * Uploads through a file request belong to the request (see lib/uploads/upload-owner.ts).
   */
  owner?(
    actor: Actor,
    metadata: UploadMetadata,
  ): Promise<{ userId: string; fileRequestId: string | null; visitorKey?: string | null }>;
  /**
   * When complete: turn the staged bytes into a resource (atomically), returning JSON for the
   * client. It may run again for the same upload after a crash (a client resumes): a handler
   * that calls markUploadFinished in its commit makes that exactly-once; otherwise the upload
   * is marked finished right after it returns.
   */
  finish(actor: Actor, upload: FinishedUpload): Promise<JsonObjectInput>;
};
