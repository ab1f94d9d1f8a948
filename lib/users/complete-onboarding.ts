import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { AppError, conflict } from "@/lib/util/errors";
import { isUniqueViolation } from "@/lib/util/prisma-errors";
import { acceptPendingInvitations } from "./accept-pending-invitations";
import { createPersonalWorkspace } from "./personal-workspace";
import { displayNameSchema, usernameSchema } from "./schemas";

export const onboardingInput = z.object({ username: usernameSchema, name: displayNameSchema.optional() });

/**
 * Finishes sign-up: the user picks their username; in the same transaction they get their
 * personal workspace and join the workspaces they were invited to.
 */
export async function completeOnboarding(userId: string, input: z.input<typeof onboardingInput>) {
  const { username, name } = onboardingInput.parse(input);
  try {
    return await getDb().$transaction(async (tx) => {
      const user = await tx.user.findUnique({ where: { id: userId } });
      if (!user) throw new AppError("unauthenticated", "Please sign in again.");
      if (user.username) throw conflict("Your username is already set.");
      if (await tx.user.findUnique({ where: { username }, select: { id: true } })) {
        throw conflict("That username is taken.", { username: "That username is taken." });
      }
      const updated = await tx.user.update({
        where: { id: userId },
        data: { username, name: name || user.name },
      });
      const workspace = await createPersonalWorkspace(tx, { id: updated.id, name: updated.name, username });
      await acceptPendingInvitations(tx, updated);
      return { username, workspaceSlug: workspace.slug };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict("That username is taken.", { username: "That username is taken." });
    throw error;
  }
}
