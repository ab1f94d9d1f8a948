import "server-only";
import { getDb } from "@/lib/db";
import type { Actor } from "./actor";

export const userKey = (userId: string) => `user:${userId}`;
export const emailKey = (email: string) => `email:${email.toLowerCase()}`;
export const workspaceKey = (workspaceId: string) => `workspace:${workspaceId}`;

/** Ids of the workspaces the actor owns or is a member of (B2B grants to them reach the actor). */
export async function actorWorkspaceIds(actor: Actor): Promise<string[]> {
  const db = getDb();
  const [owned, memberships] = await Promise.all([
    db.workspace.findMany({ where: { ownerId: actor.id }, select: { id: true } }),
    db.membership.findMany({ where: { userId: actor.id }, select: { workspaceId: true } }),
  ]);
  return [...owned.map((w) => w.id), ...memberships.map((m) => m.workspaceId)];
}

/**
 * Every grantee key that stands for the actor: the user, and each workspace they belong to.
 * Pending e-mail grants never count: they are bound to an account only when that address signs
 * up verified, so an e-mail grant never gives access to a differently-addressed account.
 */
export async function actorGranteeKeys(actor: Actor): Promise<string[]> {
  return [userKey(actor.id), ...(await actorWorkspaceIds(actor)).map(workspaceKey)];
}
