import { datasetUploadHandler } from "@/lib/catalog/upload-handler";
import { fileUploadHandler } from "@/lib/files/upload-handler";
import type { UploadHandler } from "./types";

/** Upload kinds the tus endpoint accepts (metadata `kind`). */
export const UPLOAD_HANDLERS: Record<string, UploadHandler> = {
  file: fileUploadHandler,
  dataset: datasetUploadHandler,
};
