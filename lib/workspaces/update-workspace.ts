import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { type Actor, assertCanWorkspace } from "@/lib/access";
import { recordAudit } from "@/lib/audit/record";
import { AppError, conflict, notFound } from "@/lib/util/errors";
import { isUniqueViolation } from "@/lib/util/prisma-errors";
import { workspaceNameSchema, workspaceSlugSchema } from "./schemas";

export const updateWorkspaceInput = z.object({
  name: workspaceNameSchema,
  slug: workspaceSlugSchema,
  description: z.string().trim().max(500, "A description can have at most 500 characters").default(""),
});

/** Renames a workspace (name, URL slug, description); managers only. */
export async function updateWorkspace(actor: Actor, workspaceId: string, input: z.input<typeof updateWorkspaceInput>) {
  const data = updateWorkspaceInput.parse(input);
  const workspace = await getDb().workspace.findUnique({ where: { id: workspaceId } });
  if (!workspace) throw notFound("Workspace not found");
  await assertCanWorkspace(actor, workspace, "manage");
  if (workspace.personal && data.slug !== workspace.slug) {
    throw new AppError("invalid", "The personal workspace keeps its URL name.", {
      slug: "The personal workspace keeps its URL name.",
    });
  }
  const taken = () =>
    conflict(`The owner already has a workspace at "${data.slug}".`, { slug: "That URL name is taken." });
  try {
    return await getDb().$transaction(async (tx) => {
      const clash = await tx.workspace.findUnique({
        where: { ownerId_slug: { ownerId: workspace.ownerId, slug: data.slug } },
        select: { id: true },
      });
      if (clash && clash.id !== workspace.id) throw taken();
      const updated = await tx.workspace.update({ where: { id: workspace.id }, data });
      await recordAudit(tx, {
        workspaceId: workspace.id,
        actorId: actor.id,
        action: "workspace.updated",
        resourceType: "workspace",
        resourceId: workspace.id,
        details: { from: { name: workspace.name, slug: workspace.slug }, to: { name: data.name, slug: data.slug } },
      });
      return updated;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw taken();
    throw error;
  }
}
