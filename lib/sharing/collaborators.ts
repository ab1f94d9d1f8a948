import "server-only";
import type { Actor } from "@/lib/access";
import { actorWorkspaceIds } from "@/lib/access/grantee-keys";
import { getDb } from "@/lib/db";
import { visibleContactIds } from "./contact-visibility";

/**
 * Autocomplete for the share dialog: people the actor already works with (members of their
 * workspaces, people they shared with), matching the typed prefix. Never a directory of all users,
 * and an e-mail address or name only where visibleContactIds allows it: a person the actor
 * merely shared with by username is matched and shown by username alone.
 */
export async function suggestCollaborators(actor: Actor, query: string, limit = 8) {
  const q = query.trim().toLowerCase();
  if (q.length < 1) return [];
  const db = getDb();
  const workspaceIds = await actorWorkspaceIds(actor);
  const [owners, members, granted] = await Promise.all([
    db.workspace.findMany({ where: { id: { in: workspaceIds } }, select: { ownerId: true } }),
    db.membership.findMany({ where: { workspaceId: { in: workspaceIds } }, select: { userId: true } }),
    db.share.findMany({
      where: { createdById: actor.id, granteeUserId: { not: null } },
      select: { granteeUserId: true },
      take: 1000,
    }),
  ]);
  const ids = new Set([
    ...owners.map((o) => o.ownerId),
    ...members.map((m) => m.userId),
    ...granted.flatMap((g) => (g.granteeUserId ? [g.granteeUserId] : [])),
  ]);
  ids.delete(actor.id);
  const visible = await visibleContactIds(actor, [...ids]);
  const users = await db.user.findMany({
    where: {
      OR: [
        { id: { in: [...ids] }, username: { startsWith: q } },
        { id: { in: [...visible] }, email: { startsWith: q } },
      ],
    },
    select: { id: true, username: true, email: true, name: true },
    orderBy: { username: "asc" },
    take: limit,
  });
  return users.flatMap((u) => {
    const shown = u.id !== actor.id && visible.has(u.id);
    const handle = u.username ?? (shown ? u.email : null);
    return handle ? [{ handle, username: u.username, email: shown ? u.email : null, name: shown ? u.name : null }] : [];
  });
}
