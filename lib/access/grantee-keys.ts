import "server-only";
import { getDb } from "@/lib/db";
import type { Actor } from "./actor";

export const userKey = (userId: string) => `user:${userId}`;
export const emailKey = (email: string) => `email:${email.toLowerCase()}`;
export const workspaceKey = (workspaceId: string) => `workspace:${workspaceId}`;

/** Prisma `where` matching the workspaces the actor belongs to (owner or member). */
export function memberWorkspacesWhere(actor: Actor) {
  return { OR: [{ ownerId: actor.id }, { members: { some: { userId: actor.id } } }] };
}

/**
 * Rule: the grants that stand for the actor, as a Prisma `where` on shares: those to the user,
 * and those to each workspace they own or belong to (B2B). Pending e-mail grants never count:
 * they are bound to an account only when that address signs up verified, so an e-mail grant
 * never gives access to a differently-addressed account. A relation filter, not a list of keys,
 * so the access check on one resource stays one query whatever the actor belongs to.
 */
export function grantsToActorWhere(actor: Actor) {
  return { OR: [{ granteeKey: userKey(actor.id) }, { granteeWorkspace: memberWorkspacesWhere(actor) }] };
}

/** Ids of the workspaces the actor owns or is a member of (B2B grants to them reach the actor). */
export async function actorWorkspaceIds(actor: Actor): Promise<string[]> {
  const rows = await getDb().workspace.findMany({ where: memberWorkspacesWhere(actor), select: { id: true } });
  return rows.map((w) => w.id);
}

/**
 * The same grantees as grantsToActorWhere, as a list of keys (one query). Lists that scan many
 * grants filter on it: an IN on the indexed key lets the databases use the index, where the
 * relation filter's OR makes PostgreSQL scan every grant.
 */
export async function actorGranteeKeys(actor: Actor): Promise<string[]> {
  return [userKey(actor.id), ...(await actorWorkspaceIds(actor)).map(workspaceKey)];
}
