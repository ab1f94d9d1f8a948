import "server-only";
import type { Actor } from "@/lib/access";
import { getDb } from "@/lib/db";
import { loadEntry } from "@/lib/files/load-entry";
import type { FileRequestAudience } from "./schemas";

export type FileRequestRow = {
  id: string;
  title: string;
  message: string | null;
  prefix: string;
  audience: FileRequestAudience;
  hasPassword: boolean;
  maxFileBytes: number;
  maxFiles: number;
  received: number;
  targetFolderId: string;
  createdBy: string;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  active: boolean;
};

/** A folder's file requests, newest first. Rule: only those who may write the folder see them. */
export async function listFileRequests(actor: Actor, folderId: string): Promise<FileRequestRow[]> {
  await loadEntry(actor, folderId, "write", { kind: "folder" });
  const db = getDb();
  const links = await db.accessLink.findMany({
    where: { resourceType: "folder", resourceId: folderId, purpose: "upload" },
    include: { fileRequest: true },
    orderBy: { createdAt: "desc" },
  });
  const users = new Map(
    (
      await db.user.findMany({
        where: { id: { in: links.map((l) => l.createdById) } },
        select: { id: true, username: true, email: true },
      })
    ).map((u) => [u.id, u.username ?? u.email]),
  );
  const now = new Date();
  return links.flatMap((l) =>
    l.fileRequest
      ? [
          {
            id: l.id,
            title: l.fileRequest.title,
            message: l.fileRequest.message,
            prefix: l.prefix,
            audience: l.mode === "public" ? ("anyone" as const) : ("signed-in" as const),
            hasPassword: Boolean(l.passwordHash),
            maxFileBytes: Number(l.fileRequest.maxFileBytes),
            maxFiles: l.fileRequest.maxFiles,
            received: l.fileRequest.received,
            targetFolderId: l.fileRequest.targetFolderId,
            createdBy: users.get(l.createdById) ?? "?",
            createdAt: l.createdAt,
            expiresAt: l.expiresAt,
            revokedAt: l.revokedAt,
            active: !l.revokedAt && l.expiresAt > now,
          },
        ]
      : [],
  );
}
