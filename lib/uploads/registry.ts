import { datasetUploadHandler } from "@/lib/catalog/upload-handler";
import { fileRequestUploadHandler } from "@/lib/file-requests/request-upload-handler";
import { fileUploadHandler } from "@/lib/files/upload-handler";
import type { UploadKind } from "@/lib/db";
import type { UploadHandler } from "./types";

/** Upload kinds the tus endpoint accepts (metadata `kind`). */
export const UPLOAD_HANDLERS: Record<UploadKind, UploadHandler> = {
  file: fileUploadHandler,
  dataset: datasetUploadHandler,
  filerequest: fileRequestUploadHandler,
};

/** Whether an upload's `kind` metadata names a handler (own keys only: "constructor" is no kind). */
export function isUploadKind(kind: string): kind is UploadKind {
  return Object.hasOwn(UPLOAD_HANDLERS, kind);
}
