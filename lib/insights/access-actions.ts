/** Audit actions that are a view of a resource (opening a link is viewing what it points to). */
export const VIEW_ACTIONS = ["dataset.viewed", "file.viewed", "folder.viewed", "link.used"] as const;
/** Audit actions that are a download of a resource's content (file bytes, dataset export, folder ZIP). */
export const DOWNLOAD_ACTIONS = ["dataset.downloaded", "file.downloaded", "folder.downloaded"] as const;

export type ViewAction = (typeof VIEW_ACTIONS)[number];
export type DownloadAction = (typeof DOWNLOAD_ACTIONS)[number];
export type AccessAction = ViewAction | DownloadAction;
export type AccessKind = "view" | "download";

export function accessKindOf(action: string): AccessKind | null {
  if ((VIEW_ACTIONS as readonly string[]).includes(action)) return "view";
  if ((DOWNLOAD_ACTIONS as readonly string[]).includes(action)) return "download";
  return null;
}
