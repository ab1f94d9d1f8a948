import "server-only";
import { datasetColumnCounts, sliceWords } from "@/lib/scopes/grant-scope";
import { type Actor, assertCan, memberRoleToEffective } from "@/lib/access";
import { grantTargets, liveGrantWhere } from "@/lib/access/grants";
import { getDb } from "@/lib/db";
import { visibleContactIds } from "./contact-visibility";
import { type ResourceType, resourceTypeSchema } from "./schemas";
import { loadSharedResource, loadSharedResources } from "./shared-resource";

export type AccessRow = {
  /** set for grants (direct or inherited); absent for the owner and members */
  shareId?: string;
  kind: "owner" | "admin" | "member" | "grant" | "inherited" | "workspace-member";
  granteeType: "user" | "email" | "workspace";
  grantee: string;
  /** a person's display name, where their contact details may be shown (visibleContactIds) */
  name?: string | null;
  detail: string | null;
  role: string;
  /** for inherited grants: where they come from, e.g. 'folder "reports"'; for workspace members, the workspace */
  from?: string;
  pending: boolean;
  expiresAt: Date | null;
  expired: boolean;
  note: string | null;
  createdAt: Date | null;
  /** on a person's grant: the sharer allowed them to add it to one of their workspaces */
  allowAddToWorkspace?: boolean;
  /** a grant limited to a slice of the dataset, in words ("rows where region = North; 5 of 8 columns") */
  slice?: string | null;
  /** a "Totals only" grant's minimum group size (K): summaries show no group smaller than this */
  minGroupSize?: number | null;
};

/**
 * Everyone who can reach a resource and why: the workspace owner and members, grants on the
 * resource, grants inherited from its folders and workspace, pending e-mail invitations, and the
 * people each grantee workspace reaches. Managers only (listing grants is managing access).
 * People appear by username; their e-mail address only where visibleContactIds allows it.
 */
export async function listResourceAccess(actor: Actor, type: ResourceType, id: string): Promise<AccessRow[]> {
  const target = await loadSharedResource(resourceTypeSchema.parse(type), id);
  await assertCan(actor, "manage", target.resource);
  const db = getDb();
  const workspace = await db.workspace.findUniqueOrThrow({
    where: { id: target.workspace.id },
    include: { owner: true, members: { include: { user: true }, orderBy: { createdAt: "asc" } } },
  });
  const rows: AccessRow[] = [
    {
      kind: "owner",
      granteeType: "user",
      grantee: workspace.owner.username ?? workspace.owner.email,
      name: workspace.owner.name,
      detail: workspace.owner.email,
      role: "owner",
      pending: false,
      expiresAt: null,
      expired: false,
      note: null,
      createdAt: workspace.createdAt,
    },
    ...workspace.members.map((m): AccessRow => ({
      kind: m.role === "admin" ? "admin" : "member",
      granteeType: "user",
      grantee: m.user.username ?? m.user.email,
      name: m.user.name,
      detail: m.user.email,
      role: memberRoleToEffective(m.role),
      pending: false,
      expiresAt: null,
      expired: false,
      note: null,
      createdAt: m.createdAt,
    })),
  ];
  const targets = grantTargets(target.resource);
  const grants = await db.share.findMany({ where: { OR: targets }, orderBy: { createdAt: "asc" } });
  const users = new Map(
    (
      await db.user.findMany({
        where: { id: { in: grants.flatMap((g) => (g.granteeUserId ? [g.granteeUserId] : [])) } },
        select: { id: true, username: true, email: true, name: true },
      })
    ).map((u) => [u.id, u]),
  );
  const granteeWorkspaceIds = grants.flatMap((g) => (g.granteeWorkspaceId ? [g.granteeWorkspaceId] : []));
  const workspaces = await loadSharedResources("workspace", granteeWorkspaceIds);
  const reached = await db.workspace.findMany({
    where: { id: { in: granteeWorkspaceIds } },
    select: {
      id: true,
      owner: { select: { id: true, username: true } },
      members: { select: { user: { select: { id: true, username: true } } }, orderBy: { createdAt: "asc" } },
    },
  });
  const peopleOf = new Map(reached.map((w) => [w.id, [w.owner, ...w.members.map((m) => m.user)]]));
  const visible = await visibleContactIds(actor, [...users.keys()]);
  const folders = await loadSharedResources(
    "folder",
    grants.filter((g) => g.resourceType === "folder").map((g) => g.resourceId),
  );
  const now = new Date();
  const totals = await datasetColumnCounts(type === "dataset" ? [id] : []);
  for (const g of grants) {
    const direct = g.resourceType === target.resource.type && g.resourceId === target.resource.id;
    const user = g.granteeUserId ? users.get(g.granteeUserId) : undefined;
    const ws = g.granteeWorkspaceId ? workspaces.get(g.granteeWorkspaceId) : undefined;
    rows.push({
      shareId: g.id,
      kind: direct ? "grant" : "inherited",
      granteeType: g.granteeType as AccessRow["granteeType"],
      grantee: user
        ? (user.username ?? g.granteeEmail ?? "(no username yet)")
        : ws
          ? `${ws.workspace.owner}/${ws.workspace.slug}`
          : (g.granteeEmail ?? g.granteeKey),
      name: user && visible.has(user.id) ? user.name : null,
      detail: user
        ? (g.granteeEmail ?? (visible.has(user.id) ? user.email : null))
        : ws
          ? `workspace "${ws.name}"`
          : g.granteeEmail
            ? "invitation pending"
            : null,
      role: g.role,
      from: direct
        ? undefined
        : g.resourceType === "workspace"
          ? `the workspace "${target.workspace.name}"`
          : `folder "${folders.get(g.resourceId)?.name ?? "…"}"`,
      pending: g.granteeType === "email",
      expiresAt: g.expiresAt,
      expired: Boolean(g.expiresAt && g.expiresAt <= now),
      note: g.note,
      createdAt: g.createdAt,
      allowAddToWorkspace: g.granteeType !== "workspace" && g.allowAddToWorkspace,
      slice: sliceWords(g.scope, g.scopeBrokenAt, totals.get(g.resourceId)),
      minGroupSize: g.role === "aggregate" ? g.minGroupSize : null,
    });
    if (ws && g.granteeWorkspaceId) {
      for (const person of peopleOf.get(g.granteeWorkspaceId) ?? []) {
        rows.push({
          kind: "workspace-member",
          granteeType: "user",
          grantee: person.username ?? "(no username yet)",
          detail: null,
          role: g.role,
          slice: sliceWords(g.scope, g.scopeBrokenAt, totals.get(g.resourceId)),
          minGroupSize: g.role === "aggregate" ? g.minGroupSize : null,
          from: `the workspace ${ws.workspace.owner}/${ws.workspace.slug}`,
          pending: false,
          expiresAt: g.expiresAt,
          expired: Boolean(g.expiresAt && g.expiresAt <= now),
          note: null,
          createdAt: null,
        });
      }
    }
  }
  return rows;
}

/** The workspaces that received grants from this workspace before: the B2B dropdown of the share dialog. */
export async function listKnownGranteeWorkspaces(actor: Actor, type: ResourceType, id: string) {
  const target = await loadSharedResource(type, id);
  await assertCan(actor, "manage", target.resource);
  const shares = await getDb().share.findMany({
    where: { workspaceId: target.workspace.id, granteeType: "workspace", AND: liveGrantWhere() },
    select: { granteeWorkspaceId: true },
    distinct: ["granteeWorkspaceId"],
  });
  const loaded = await loadSharedResources(
    "workspace",
    shares.flatMap((s) => (s.granteeWorkspaceId ? [s.granteeWorkspaceId] : [])),
  );
  return [...loaded.values()].map((w) => ({
    id: w.resource.id,
    label: `${w.workspace.owner}/${w.workspace.slug}`,
    name: w.name,
  }));
}
