import "server-only";
import { type Actor, assertCanWorkspace } from "@/lib/access";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { notFound } from "@/lib/util/errors";
import { loadPolicy } from "./load-policy";
import { type PolicyInput, policyInput, type SharingPolicy } from "./schemas";

async function findWorkspace(workspaceId: string) {
  const workspace = await getDb().workspace.findUnique({
    where: { id: workspaceId },
    select: { id: true, ownerId: true },
  });
  if (!workspace) throw notFound("Workspace not found");
  return workspace;
}

/** A workspace's sharing policy; its members may read it (they share within it), others get 403/404. */
export async function getWorkspacePolicy(actor: Actor, workspaceId: string): Promise<SharingPolicy> {
  const workspace = await findWorkspace(workspaceId);
  await assertCanWorkspace(actor, workspace, "read");
  return loadPolicy(workspace.id);
}

/**
 * Replaces a workspace's sharing policy (fields left out mean "no limit"). Rule: managers only
 * (the owner-only 403 otherwise); recorded in the activity with what changed. Existing links and
 * grants are not touched: the Settings page lists those that break it (listPolicyViolations).
 */
export async function updateWorkspacePolicy(
  actor: Actor,
  workspaceId: string,
  raw: PolicyInput,
): Promise<SharingPolicy> {
  const workspace = await findWorkspace(workspaceId);
  await assertCanWorkspace(actor, workspace, "manage");
  const next = policyInput.parse(raw);
  const db = getDb();
  await db.$transaction(async (tx) => {
    const before = await loadPolicy(workspace.id, tx);
    await tx.workspacePolicy.upsert({
      where: { workspaceId: workspace.id },
      create: { workspaceId: workspace.id, ...next, updatedById: actor.id },
      update: { ...next, updatedById: actor.id },
    });
    const changed = (Object.keys(next) as (keyof SharingPolicy)[]).filter(
      (k) => JSON.stringify(before[k]) !== JSON.stringify(next[k]),
    );
    await recordAudit(tx, {
      workspaceId: workspace.id,
      actor,
      action: "workspace.policy_changed",
      resourceType: "workspace",
      resourceId: workspace.id,
      details: { ...next, changed },
    });
  });
  return next;
}
