import "server-only";
import { z } from "zod";
import { type Actor, assertCanWorkspace } from "@/lib/access";
import { userKey, workspaceKey } from "@/lib/access/grantee-keys";
import { liveGrantWhere } from "@/lib/access/grants";
import { getDb } from "@/lib/db";
import { notFound } from "@/lib/util/errors";

export const sharedByBodySchema = z.object({
  datasetIds: z
    .array(z.string().min(1))
    .min(1, "List at least one dataset id.")
    .max(500, "At most 500 dataset ids at once."),
});

export type Principal = { id: string; type: "User" | "Workspace"; name: string };
export type SharedByItem = {
  datasetId: string;
  sharedBy: Principal;
  sharedOn: string;
  role: string;
  sharedWith: Principal;
  scope: "dataset" | "namespace";
};

/**
 * Veracity's "shared by" query: for each listed dataset shared with the workspace {workspaceId}
 * or with the caller, who shared it and when. Rule: the caller must be able to read that
 * workspace (a member; others get 404), and only live grants to that workspace or to the caller
 * count (on the dataset itself or on its whole namespace), so the answer never mentions a
 * dataset the caller cannot read. Datasets not shared that way are absent from the answer.
 * `sharedBy` is the user who made the grant; for a grant to a workspace (B2B) it is the
 * workspace that owns the dataset, which is who Veracity shows as the sharer.
 */
export async function querySharedBy(
  actor: Actor,
  workspaceId: string,
  body: z.output<typeof sharedByBodySchema>,
): Promise<SharedByItem[]> {
  const db = getDb();
  const workspace = await db.workspace.findUnique({
    where: { id: workspaceId },
    select: { id: true, ownerId: true, slug: true, name: true, owner: { select: { username: true } } },
  });
  if (!workspace) throw notFound("Workspace not found");
  await assertCanWorkspace(actor, workspace, "read");
  const datasets = await db.dataset.findMany({
    where: { id: { in: [...new Set(body.datasetIds)] } },
    select: {
      id: true,
      workspaceId: true,
      workspace: { select: { id: true, slug: true, name: true, owner: { select: { username: true } } } },
    },
  });
  const keys = [workspaceKey(workspace.id), userKey(actor.id)];
  const grants = await db.share.findMany({
    where: {
      granteeKey: { in: keys },
      AND: [
        liveGrantWhere(),
        {
          OR: [
            { resourceType: "dataset", resourceId: { in: datasets.map((d) => d.id) } },
            { resourceType: "workspace", resourceId: { in: datasets.map((d) => d.workspaceId) } },
          ],
        },
      ],
    },
    orderBy: { createdAt: "asc" },
  });
  const users = new Map(
    (
      await db.user.findMany({
        where: { id: { in: grants.map((g) => g.createdById) } },
        select: { id: true, username: true, email: true },
      })
    ).map((u) => [u.id, u]),
  );
  const me: Principal = { id: actor.id, type: "User", name: actor.username ?? actor.email };
  const ws = (w: { id: string; slug: string; owner: { username: string | null } }): Principal => ({
    id: w.id,
    type: "Workspace",
    name: `${w.owner.username ?? ""}/${w.slug}`,
  });
  const items: SharedByItem[] = [];
  for (const d of datasets) {
    // The grant on the dataset itself wins over one on its namespace; the workspace's grant over the caller's own.
    const reaching = grants.filter(
      (g) =>
        (g.resourceType === "dataset" && g.resourceId === d.id) ||
        (g.resourceType === "workspace" && g.resourceId === d.workspaceId),
    );
    const best = reaching.sort((a, b) => rank(a, keys) - rank(b, keys))[0];
    if (!best) continue;
    const creator = users.get(best.createdById);
    items.push({
      datasetId: d.id,
      sharedBy:
        best.granteeType === "workspace"
          ? ws(d.workspace)
          : { id: best.createdById, type: "User", name: creator?.username ?? creator?.email ?? "?" },
      sharedOn: best.createdAt.toISOString(),
      role: best.role,
      sharedWith: best.granteeKey === keys[0] ? ws(workspace) : me,
      scope: best.resourceType === "dataset" ? "dataset" : "namespace",
    });
  }
  return items;
}

function rank(grant: { resourceType: string; granteeKey: string }, keys: string[]): number {
  return (grant.resourceType === "dataset" ? 0 : 2) + (grant.granteeKey === keys[0] ? 0 : 1);
}
