import "server-only";
import { type Actor, assertCan } from "@/lib/access";
import { getDb, jsonObject } from "@/lib/db";
import { type ResourceType, resourceTypeSchema } from "./schemas";
import { loadSharedResource } from "./shared-resource";

export type HistoryRow = {
  id: string;
  action: string;
  actor: string | null;
  details: Record<string, unknown>;
  createdAt: string;
};

/**
 * The sharing history of one resource (shares, role changes, revocations, invitations, links,
 * visibility changes), newest first. Like the access list, only its managers may read it.
 */
export async function listResourceHistory(
  actor: Actor,
  type: ResourceType,
  id: string,
  { take = 50 } = {},
): Promise<HistoryRow[]> {
  const target = await loadSharedResource(resourceTypeSchema.parse(type), id);
  await assertCan(actor, "manage", target.resource);
  const rows = await getDb().auditEvent.findMany({
    where: { resourceType: type, resourceId: id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(take, 200),
    include: { actor: { select: { username: true, email: true } } },
  });
  const events = rows.map((r) => ({
    id: r.id,
    action: r.action,
    actor: r.actor?.username ?? r.actor?.email ?? null,
    details: jsonObject(r.details),
    createdAt: r.createdAt.toISOString(),
  }));
  const labels = await granteeLabels(
    events.map((e) => e.details.grantee).filter((g): g is string => typeof g === "string"),
  );
  for (const e of events)
    if (typeof e.details.grantee === "string") e.details.grantee = labels.get(e.details.grantee) ?? e.details.grantee;
  return events;
}

/** Older events name grantees by key ("user:<id>"); show people and workspaces by name instead. */
async function granteeLabels(keys: string[]): Promise<Map<string, string>> {
  const ids = (prefix: string) => [
    ...new Set(keys.filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length))),
  ];
  const db = getDb();
  const [users, workspaces] = await Promise.all([
    db.user.findMany({ where: { id: { in: ids("user:") } }, select: { id: true, username: true, email: true } }),
    db.workspace.findMany({ where: { id: { in: ids("workspace:") } }, select: { id: true, name: true } }),
  ]);
  const labels = new Map<string, string>();
  for (const u of users) labels.set(`user:${u.id}`, u.username ?? u.email);
  for (const w of workspaces) labels.set(`workspace:${w.id}`, `workspace ${w.name}`);
  for (const k of keys) if (k.startsWith("email:")) labels.set(k, k.slice(6));
  return labels;
}
