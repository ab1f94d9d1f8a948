import "server-only";
import type { Actor } from "@/lib/access";
import { getDb, jsonObject, type ResourceType } from "@/lib/db";
import { type AuditRecord, recordedName } from "./describe-event";
import { loadManagedWorkspace, toRecord } from "./list-events";
import { resourceKey } from "./names";
import { resolveEventNames } from "./resolve-names";

export type ActivityOption = { value: string; label: string };

/** How many resources the resource filter offers: those with the most recent events. */
const RESOURCE_OPTIONS = 300;

const NOUN = { dataset: "dataset", file: "file", folder: "folder", workspace: "workspace" } as const;

/**
 * What the Activity page's filters offer: the people who acted in the workspace and the
 * resources its events are about, named like the sentences (deleted ones by what the audit
 * record kept). For the workspace's managers, in a fixed number of queries.
 */
export async function listActivityOptions(
  actor: Actor,
  workspaceId: string,
  selected: { person?: string; resource?: string } = {},
): Promise<{ people: ActivityOption[]; resources: ActivityOption[] }> {
  await loadManagedWorkspace(actor, workspaceId);
  const db = getDb();
  const [actors, resources] = await Promise.all([
    db.auditEvent.groupBy({ by: ["actorId"], where: { workspaceId, actorId: { not: null } } }),
    db.auditEvent.groupBy({
      by: ["resourceType", "resourceId"],
      where: { workspaceId },
      _max: { createdAt: true },
      orderBy: { _max: { createdAt: "desc" } },
      take: RESOURCE_OPTIONS,
    }),
  ]);
  // A resource chosen in the URL stays in the list even when it is older than the listed ones.
  const [type, id] = selected.resource?.split(":") ?? [];
  if (type && id && !resources.some((r) => r.resourceType === type && r.resourceId === id))
    resources.push({ resourceType: type as ResourceType, resourceId: id, _max: { createdAt: null } });
  const stubs: AuditRecord[] = [
    ...actors.map((a) => ({
      action: "",
      resourceType: "workspace" as const,
      resourceId: workspaceId,
      actorId: a.actorId,
      details: {},
    })),
    ...resources.map((r) => ({
      action: "",
      resourceType: r.resourceType,
      resourceId: r.resourceId,
      actorId: null,
      details: {},
    })),
  ];
  const names = await resolveEventNames(stubs, { workspaceId });

  const gone = resources.filter((r) => !names.resources.has(resourceKey(r.resourceType, r.resourceId)));
  const kept = new Map<string, string>();
  if (gone.length > 0) {
    // The newest record of each deleted resource that kept its name.
    const records = await db.auditEvent.findMany({
      where: { workspaceId, resourceId: { in: gone.map((r) => r.resourceId).slice(0, 500) } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 2000,
    });
    for (const r of records.map(toRecord)) {
      const key = resourceKey(r.resourceType, r.resourceId);
      const name = recordedName({ ...r, details: jsonObject(r.details as never) });
      if (name && !kept.has(key)) kept.set(key, name);
    }
  }

  const listed = actors.some((a) => a.actorId === selected.person);
  const people = actors
    .flatMap((a) => {
      const user = a.actorId ? names.users.get(a.actorId) : undefined;
      return user && a.actorId ? [{ value: a.actorId, label: user.name }] : [];
    })
    .sort((a, b) => a.label.localeCompare(b.label))
    .concat(selected.person && !listed ? [{ value: selected.person, label: "Nobody (no events)" }] : []);
  const resourceOptions = resources
    .map((r) => {
      const key = resourceKey(r.resourceType, r.resourceId);
      const live = names.resources.get(key);
      const label = live
        ? `${live.name} (${NOUN[r.resourceType]})`
        : `${kept.get(key) ?? "unnamed"} (deleted ${NOUN[r.resourceType]})`;
      return { value: key, label };
    })
    .sort((a, b) => a.label.localeCompare(b.label));
  return { people, resources: resourceOptions };
}
