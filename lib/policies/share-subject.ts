import "server-only";
import { getDb } from "@/lib/db";
import { isWorkspacePerson } from "./check-policy";
import type { PolicySubject } from "./rules";

type StoredShare = {
  workspaceId: string;
  granteeType: "user" | "email" | "workspace";
  granteeUserId: string | null;
  granteeEmail: string | null;
  granteeWorkspaceId: string | null;
  granteeKey: string;
  expiresAt: Date | null;
  allowAddToWorkspace: boolean;
  sourceShareId: string | null;
};

/** An existing grant as the workspace's sharing policy judges it (role changes, the violations list). */
export async function shareSubject(share: StoredShare): Promise<PolicySubject & { kind: "grant" }> {
  const db = getDb();
  const workspace = await db.workspace.findUniqueOrThrow({
    where: { id: share.workspaceId },
    select: { id: true, ownerId: true },
  });
  const user =
    share.granteeType === "user" && share.granteeUserId
      ? await db.user.findUnique({ where: { id: share.granteeUserId }, select: { email: true, username: true } })
      : null;
  const email = share.granteeType === "email" ? share.granteeEmail : (user?.email ?? null);
  const granteeWorkspace = share.granteeWorkspaceId
    ? await db.workspace.findUnique({
        where: { id: share.granteeWorkspaceId },
        select: { slug: true, owner: { select: { username: true } } },
      })
    : null;
  return {
    kind: "grant",
    label: granteeWorkspace
      ? `${granteeWorkspace.owner.username}/${granteeWorkspace.slug}`
      : (user?.username ?? email ?? share.granteeKey),
    email,
    member:
      share.granteeType === "workspace"
        ? false
        : await isWorkspacePerson(workspace, { userId: share.granteeUserId, email: share.granteeEmail }),
    expiresAt: share.expiresAt,
    allowAddToWorkspace: share.allowAddToWorkspace,
    addedByRecipient: Boolean(share.sourceShareId),
  };
}
