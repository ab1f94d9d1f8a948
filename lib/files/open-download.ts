import "server-only";
import type { Actor } from "@/lib/access";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { loadEntry } from "./load-entry";
import type { ServableFile } from "./serve-file";

/** A file the actor may read, ready to serve, and how to record that its content was downloaded. */
export async function openFileDownload(
  actor: Actor,
  fileId: string,
): Promise<{ file: ServableFile; recordDownload: () => Promise<void> }> {
  const entry = await loadEntry(actor, fileId, "read", { kind: "file" });
  const file: ServableFile = {
    id: entry.id,
    name: entry.name,
    size: Number(entry.size ?? 0),
    mimeType: entry.mimeType ?? "application/octet-stream",
    sha256: entry.sha256,
    blobKey: entry.blobKey!,
    modifiedAt: entry.modifiedAt,
  };
  const recordDownload = () =>
    getDb().$transaction((tx) =>
      recordAudit(tx, {
        workspaceId: entry.workspaceId,
        actor,
        action: "file.downloaded",
        resourceType: "file",
        resourceId: entry.id,
        details: { name: entry.name, size: file.size },
      }),
    );
  return { file, recordDownload };
}
