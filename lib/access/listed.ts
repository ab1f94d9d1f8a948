import type { Actor } from "./actor";

/**
 * Rule: a Listed dataset's card (name, description, schema, owner workspace, row count; never rows,
 * statistics, previews or downloads) is visible to every signed-in user acting as themselves, so
 * they can ask for access. It gives no role: every data path still asks assertCan and answers 404.
 * Through an access link an actor sees only what the link covers, so no card; Private datasets
 * have no card at all (their callers answer the same 404 as for a missing dataset).
 */
export function listedCardVisible(actor: Actor, dataset: { visibility: string }): boolean {
  return actor.kind !== "link" && !actor.link && dataset.visibility === "listed";
}

/**
 * The datasets whose card every signed-in user may see across workspaces (Discover), as a Prisma
 * `where`: Listed ones (card only) and Public ones (readable by everyone). Nothing through a link.
 */
export function discoverableDatasetsWhere(actor: Actor) {
  if (actor.kind === "link" || actor.link) return { id: { in: [] as string[] } };
  return { visibility: { in: ["listed" as const, "public" as const] } };
}
