import "server-only";
import bcrypt from "bcryptjs";
import type { Actor } from "@/lib/access";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { appUrl } from "@/lib/email/config";
import { freeNameIn, retryOnNameRace } from "@/lib/files/clash";
import { insertFolder } from "@/lib/files/create-folder";
import { uploadMaxBytes } from "@/lib/files/limits";
import { loadEntry } from "@/lib/files/load-entry";
import { validateName } from "@/lib/files/names";
import { checkPolicy } from "@/lib/policies/check-policy";
import { AppError } from "@/lib/util/errors";
import { formatBytes } from "@/lib/util/format";
import { newToken } from "@/lib/util/tokens";
import { type CreateFileRequestInput, createFileRequestInput } from "./schemas";

export type CreatedFileRequest = { id: string; url: string; token: string; expiresAt: Date; targetFolderId: string };

/**
 * Creates a file request: an upload-only access link (purpose "upload") to a folder. Rule: only
 * someone who may write the folder (an editor or a manager) may ask others to fill it, within the
 * workspace's sharing policy for links. The
 * token (256 random bits) is returned once in the URL; only its hash and a prefix are stored.
 */
export async function createFileRequest(actor: Actor, raw: CreateFileRequestInput): Promise<CreatedFileRequest> {
  const input = createFileRequestInput.parse(raw);
  const folder = await loadEntry(actor, input.folderId, "write", { kind: "folder" });
  const max = uploadMaxBytes();
  if (input.maxFileBytes > max)
    throw new AppError("invalid", `The largest file size can be at most ${formatBytes(max)}.`, {
      maxFileBytes: `At most ${formatBytes(max)}.`,
    });
  // A file request is an access link: the workspace's link rules (lifetime, password, no "anyone") apply to it too.
  await checkPolicy(folder.workspaceId, {
    kind: "link",
    mode: input.audience === "anyone" ? "public" : "authenticated",
    hasPassword: Boolean(input.password),
    expiresAt: input.expiresAt,
  });
  const subfolderName = input.subfolder ? validateName(input.title.replace(/[\\/]/g, "-")) : null;
  const { token, hash, prefix } = newToken("sl");
  const passwordHash = input.password ? await bcrypt.hash(input.password, 10) : null;
  const created = await retryOnNameRace(() =>
    getDb().$transaction(async (tx) => {
      const target = subfolderName
        ? await insertFolder(
            tx,
            actor,
            folder,
            await freeNameIn(tx, { workspaceId: folder.workspaceId, parentId: folder.id }, subfolderName),
          )
        : folder;
      const link = await tx.accessLink.create({
        data: {
          workspaceId: folder.workspaceId,
          resourceType: "folder",
          resourceId: folder.id,
          purpose: "upload",
          tokenHash: hash,
          prefix,
          mode: input.audience === "anyone" ? "public" : "authenticated",
          passwordHash,
          label: input.title,
          expiresAt: input.expiresAt,
          allowDownload: false,
          createdById: actor.id,
          fileRequest: {
            create: {
              title: input.title,
              message: input.message || null,
              maxFileBytes: BigInt(input.maxFileBytes),
              maxFiles: input.maxFiles,
              targetFolderId: target.id,
            },
          },
        },
      });
      await recordAudit(tx, {
        workspaceId: folder.workspaceId,
        actor,
        action: "file_request.created",
        resourceType: "folder",
        resourceId: folder.id,
        details: {
          linkId: link.id,
          prefix,
          title: input.title,
          audience: input.audience,
          password: Boolean(passwordHash),
          maxFiles: input.maxFiles,
          maxFileBytes: input.maxFileBytes,
          expiresAt: input.expiresAt.toISOString(),
          ...(subfolderName ? { subfolder: target.name } : {}),
        },
      });
      return { link, targetFolderId: target.id };
    }),
  );
  return {
    id: created.link.id,
    url: `${appUrl()}/s/${token}`,
    token,
    expiresAt: created.link.expiresAt,
    targetFolderId: created.targetFolderId,
  };
}
