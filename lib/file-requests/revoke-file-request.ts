import "server-only";
import type { Actor } from "@/lib/access";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { loadEntry } from "@/lib/files/load-entry";
import { notFound } from "@/lib/util/errors";

/**
 * Ends a file request now: the next upload request through it (a new upload, or the next chunk of
 * one in progress) is refused. Rule: only someone who may write the folder may end it; to anyone
 * else an existing request is the same 404 as a missing one.
 */
export async function revokeFileRequest(actor: Actor, id: string): Promise<void> {
  const link = await getDb().accessLink.findUnique({ where: { id } });
  if (!link || link.purpose !== "upload") throw notFound("File request not found");
  await loadEntry(actor, link.resourceId, "write", { kind: "folder" }).catch(() => {
    throw notFound("File request not found");
  });
  await getDb().$transaction(async (tx) => {
    const { count } = await tx.accessLink.updateMany({
      where: { id, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count === 0) return;
    await recordAudit(tx, {
      workspaceId: link.workspaceId,
      actor,
      action: "file_request.revoked",
      resourceType: "folder",
      resourceId: link.resourceId,
      details: { linkId: link.id, prefix: link.prefix, title: link.label ?? "" },
    });
  });
}
