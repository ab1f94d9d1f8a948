import type { EntryRow, FolderPage, SortDir, SortField, TablePreview, TrashRow } from "@/lib/files/entry-types";
import { ApiError, fetchJson, withLink } from "@/components/ui/fetch-json";

export { ApiError, fetchJson, unwrap, withLink } from "@/components/ui/fetch-json";

export const filesKeys = {
  all: ["files"] as const,
  folder: (folderId: string, sort: SortField, dir: SortDir, linkToken?: string) =>
    ["files", "folder", folderId, sort, dir, linkToken ?? ""] as const,
  subfolders: (folderId: string, linkToken?: string) => ["files", "subfolders", folderId, linkToken ?? ""] as const,
  trash: (workspaceId: string) => ["files", "trash", workspaceId] as const,
  table: (fileId: string, linkToken?: string) => ["files", "table", fileId, linkToken ?? ""] as const,
  text: (fileId: string, linkToken?: string) => ["files", "text", fileId, linkToken ?? ""] as const,
};

function listUrl(
  folderId: string,
  params: { sort?: SortField; dir?: SortDir; offset?: number; limit?: number; kind?: "folder" | "file" },
  linkToken?: string,
): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) query.set(key, String(value));
  return withLink(`/api/folders/${encodeURIComponent(folderId)}/children?${query}`, linkToken);
}

export const fetchFolderPage = (folderId: string, sort: SortField, dir: SortDir, offset: number, linkToken?: string) =>
  fetchJson<FolderPage>(listUrl(folderId, { sort, dir, offset }, linkToken));

export async function fetchSubfolders(folderId: string, linkToken?: string): Promise<EntryRow[]> {
  return (await fetchJson<FolderPage>(listUrl(folderId, { kind: "folder", limit: 1000 }, linkToken))).entries;
}

export const downloadUrl = (fileId: string, linkToken?: string, inline = false) =>
  withLink(`/api/files/${encodeURIComponent(fileId)}/download${inline ? "?inline=1" : ""}`, linkToken);
export const zipUrl = (folderId: string, linkToken?: string) =>
  withLink(`/api/folders/${encodeURIComponent(folderId)}/zip`, linkToken);
export const fetchTable = (fileId: string, linkToken?: string) =>
  fetchJson<TablePreview>(withLink(`/api/files/${encodeURIComponent(fileId)}/table`, linkToken));
export const fetchTrash = (workspaceId: string) =>
  fetchJson<{ entries: TrashRow[] }>(`/api/files/trash?workspaceId=${encodeURIComponent(workspaceId)}`);

/** The first `limit` bytes of a file as text (a Range request, so big logs stay cheap). */
export async function fetchText(
  fileId: string,
  limit: number,
  linkToken?: string,
): Promise<{ text: string; truncated: boolean }> {
  const response = await fetch(downloadUrl(fileId, linkToken, true), { headers: { Range: `bytes=0-${limit - 1}` } });
  if (!response.ok && response.status !== 206)
    throw new ApiError(response.status, `The file could not be read (${response.status}).`);
  const total = Number(
    response.headers.get("Content-Range")?.split("/")[1] ?? response.headers.get("Content-Length") ?? 0,
  );
  const text = new TextDecoder("utf-8", { fatal: false }).decode(await response.arrayBuffer());
  return { text, truncated: total > limit };
}

/** URL of a path below the view's base ("/w/o/ws/files" + ["a", "b c"] → "/w/o/ws/files/a/b%20c"). */
export function pathHref(basePath: string, segments: string[], fileId?: string): string {
  const path = segments.map(encodeURIComponent).join("/");
  return `${basePath}${path ? `/${path}` : ""}${fileId ? `?file=${encodeURIComponent(fileId)}` : ""}`;
}
