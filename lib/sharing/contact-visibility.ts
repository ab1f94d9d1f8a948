import "server-only";
import type { Actor } from "@/lib/access";
import { actorWorkspaceIds } from "@/lib/access/grantee-keys";
import { getDb } from "@/lib/db";

/**
 * Rule (no account enumeration): a person's e-mail address and full name are shown only to
 * people who already share a workspace with them (owner or member of the same one), who received
 * a grant from them, or who granted them something by typing that very address. Sharing with a
 * bare username reveals nothing more than the username. Returns the ids among `userIds` whose
 * contact details the actor may see (always including the actor).
 */
export async function visibleContactIds(actor: Actor, userIds: string[]): Promise<Set<string>> {
  const ids = [...new Set(userIds)];
  const visible = new Set<string>(ids.includes(actor.id) ? [actor.id] : []);
  const others = ids.filter((id) => id !== actor.id);
  if (others.length === 0) return visible;
  const db = getDb();
  const workspaceIds = await actorWorkspaceIds(actor);
  const [owners, members, sharedWithActor, sharedByAddress] = await Promise.all([
    db.workspace.findMany({ where: { id: { in: workspaceIds }, ownerId: { in: others } }, select: { ownerId: true } }),
    db.membership.findMany({
      where: { workspaceId: { in: workspaceIds }, userId: { in: others } },
      select: { userId: true },
    }),
    db.share.findMany({
      where: { granteeUserId: actor.id, createdById: { in: others } },
      select: { createdById: true },
    }),
    db.share.findMany({
      where: { createdById: actor.id, granteeUserId: { in: others }, granteeEmail: { not: null } },
      select: { granteeUserId: true },
    }),
  ]);
  for (const o of owners) visible.add(o.ownerId);
  for (const m of members) visible.add(m.userId);
  for (const s of sharedWithActor) visible.add(s.createdById);
  for (const s of sharedByAddress) if (s.granteeUserId) visible.add(s.granteeUserId);
  return visible;
}
