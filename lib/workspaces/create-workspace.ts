import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/access";
import { recordAudit } from "@/lib/audit/record";
import { conflict } from "@/lib/util/errors";
import { isUniqueViolation } from "@/lib/util/prisma-errors";
import { workspaceNameSchema, workspaceSlugSchema } from "./schemas";

export const createWorkspaceInput = z.object({
  name: workspaceNameSchema,
  slug: workspaceSlugSchema,
  description: z.string().trim().max(500, "A description can have at most 500 characters").optional(),
});

const slugTaken = (slug: string) =>
  conflict(`You already have a workspace at "${slug}". Choose another URL name.`, {
    slug: "You already have a workspace with this URL name.",
  });

/** Creates a workspace owned by the actor; its slug is unique among the actor's workspaces. */
export async function createWorkspace(actor: Actor, input: z.input<typeof createWorkspaceInput>) {
  const { name, slug, description } = createWorkspaceInput.parse(input);
  try {
    return await getDb().$transaction(async (tx) => {
      if (
        await tx.workspace.findUnique({ where: { ownerId_slug: { ownerId: actor.id, slug } }, select: { id: true } })
      ) {
        throw slugTaken(slug);
      }
      const workspace = await tx.workspace.create({
        data: { ownerId: actor.id, slug, name, description: description ?? "" },
      });
      await recordAudit(tx, {
        workspaceId: workspace.id,
        actorId: actor.id,
        action: "workspace.created",
        resourceType: "workspace",
        resourceId: workspace.id,
        details: { slug },
      });
      return workspace;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw slugTaken(slug);
    throw error;
  }
}
