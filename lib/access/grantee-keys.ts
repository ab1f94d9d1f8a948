import "server-only";
import { type MemberRole, getDb } from "@/lib/db";
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

/** The workspaces the actor belongs to: those they own, and those they are a member of with their role. */
export type ActorWorkspaces = { owned: string[]; memberships: Map<string, MemberRole> };

/**
 * The actor's workspaces, read fresh (no cache across requests: a removed member loses access on
 * their next request). Two reads on indexed columns, asked at once: memberships by user and
 * workspaces by owner. (One read through memberWorkspacesWhere's OR made SQLite scan every
 * workspace in the database on every access check.)
 */
export async function actorWorkspaces(actor: Actor): Promise<ActorWorkspaces> {
  const [memberships, owned] = await Promise.all([
    getDb().membership.findMany({ where: { userId: actor.id }, select: { workspaceId: true, role: true } }),
    getDb().workspace.findMany({ where: { ownerId: actor.id }, select: { id: true } }),
  ]);
  return { owned: owned.map((w) => w.id), memberships: new Map(memberships.map((m) => [m.workspaceId, m.role])) };
}

/** Ids of the workspaces the actor owns or is a member of (B2B grants to them reach the actor). */
export async function actorWorkspaceIds(actor: Actor): Promise<string[]> {
  return workspaceIdsOf(await actorWorkspaces(actor));
}

export function workspaceIdsOf(workspaces: ActorWorkspaces): string[] {
  return [...new Set([...workspaces.owned, ...workspaces.memberships.keys()])];
}

/**
 * The same grantees as grantsToActorWhere, as a list of keys (one query). Lists that scan many
 * grants filter on it: an IN on the indexed key lets the databases use the index, where the
 * relation filter's OR makes PostgreSQL scan every grant.
 */
export async function actorGranteeKeys(actor: Actor): Promise<string[]> {
  return granteeKeys(actor, await actorWorkspaceIds(actor));
}

/** actorGranteeKeys for an actor whose workspaces (actorWorkspaceIds) were already read. */
export function granteeKeys(actor: Actor, workspaceIds: string[]): string[] {
  return [userKey(actor.id), ...workspaceIds.map(workspaceKey)];
}
