import "server-only";
import { numberSetting } from "@/lib/config/number-settings";

/** Largest single upload (the tus endpoint enforces the same UPLOAD_MAX_BYTES). Default 10 GiB. */
export function uploadMaxBytes(): number {
  return numberSetting("UPLOAD_MAX_BYTES");
}

/** Total bytes of files a workspace may hold, trash included. Default 50 GiB. */
export function workspaceQuotaBytes(): number {
  return numberSetting("FILES_QUOTA_BYTES");
}

/** Rows per page of a folder listing. */
export const LIST_PAGE_SIZE = 200;
