import "server-only";
import { type Actor, VIEW_ONLY_MESSAGE, allows } from "@/lib/access";
import { recordAccess } from "@/lib/insights/record-access";
import { forbidden } from "@/lib/util/errors";
import { previewKindFor } from "./file-types";
import { loadEntry } from "./load-entry";
import type { ServableFile } from "./serve-file";

/**
 * A file the actor may download, ready to serve, and how to record that its content was
 * downloaded (or, for an inline preview, viewed).
 * Rule: the bytes are a download ("read"); only the inline request a preview makes for a file the
 * browser previews (image, PDF, text, audio, video) is viewing, open to view-only access too. Any
 * other request a view-only grantee or link visitor makes for a file's bytes is 403.
 */
export async function openFileDownload(
  actor: Actor,
  fileId: string,
  { inline = false }: { inline?: boolean } = {},
): Promise<{ file: ServableFile; recordDownload: () => Promise<void> }> {
  const entry = await loadEntry(actor, fileId, "view", { kind: "file" });
  const kind = previewKindFor("file", entry.name, entry.mimeType);
  const preview = inline && kind !== "none" && kind !== "table";
  if (!preview && !allows(entry.role, "read")) throw forbidden(VIEW_ONLY_MESSAGE);
  const file: ServableFile = {
    id: entry.id,
    name: entry.name,
    size: Number(entry.size ?? 0),
    mimeType: entry.mimeType ?? "application/octet-stream",
    sha256: entry.sha256,
    blobKey: entry.blobKey!,
    modifiedAt: entry.modifiedAt,
  };
  const recordDownload = async () => {
    await recordAccess(actor, {
      workspaceId: entry.workspaceId,
      action: preview ? "file.viewed" : "file.downloaded",
      resourceType: "file",
      resourceId: entry.id,
      details: { name: entry.name, size: file.size },
    });
  };
  return { file, recordDownload };
}
