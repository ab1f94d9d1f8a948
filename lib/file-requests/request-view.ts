import "server-only";
import type { OpenedLink } from "@/lib/links/open-link";
import { getDb } from "@/lib/db";
import { notFound } from "@/lib/util/errors";

/** What a file request's visitor is shown: the request itself, never the folder or what is in it. */
export type FileRequestView = {
  title: string;
  message: string | null;
  maxFileBytes: number;
  maxFiles: number;
  requestedBy: string;
  expiresAt: Date;
  /** the signed-in visitor's name (their uploads are named by it); null asks for a typed name */
  signedInAs: string | null;
};

/** The visitor's view of an opened upload link (the caller opened it: live, unlocked, signed in if required). */
export async function fileRequestView(link: OpenedLink): Promise<FileRequestView> {
  if (link.scope.purpose !== "upload") throw notFound("File request not found");
  const request = await getDb().fileRequest.findUnique({
    where: { linkId: link.scope.id },
    include: { link: { select: { createdById: true, expiresAt: true } } },
  });
  if (!request) throw notFound("File request not found");
  const requester = await getDb().user.findUnique({
    where: { id: request.link.createdById },
    select: { name: true, username: true, email: true },
  });
  const actor = link.actor;
  return {
    title: request.title,
    message: request.message,
    maxFileBytes: Number(request.maxFileBytes),
    maxFiles: request.maxFiles,
    // Visitors may be anyone: a name or username, never the requester's e-mail address.
    requestedBy: requester?.name || requester?.username || link.target.workspace.owner,
    expiresAt: request.link.expiresAt,
    signedInAs: actor.kind === "link" ? null : (actor.username ?? actor.email),
  };
}
