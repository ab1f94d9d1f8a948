import type { Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";

export const PERSONAL_SLUG = "personal";

/** Every user gets one personal workspace when their account is complete (username chosen). */
export async function createPersonalWorkspace(tx: Tx, user: { id: string; name: string | null; username: string }) {
  const workspace = await tx.workspace.create({
    data: {
      ownerId: user.id,
      slug: PERSONAL_SLUG,
      name: user.name ? `${user.name}'s workspace` : "Personal",
      personal: true,
    },
  });
  await recordAudit(tx, {
    workspaceId: workspace.id,
    actorId: user.id,
    action: "workspace.created",
    resourceType: "workspace",
    resourceId: workspace.id,
    details: { slug: workspace.slug },
  });
  return workspace;
}
