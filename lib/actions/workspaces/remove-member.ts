"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { removeMember } from "@/lib/workspaces/members";
import { defineAction } from "../define-action";

const input = z.object({ workspaceId: z.string().min(1), userId: z.string().min(1) });

const remove = defineAction(input, async ({ workspaceId, userId }, user) => {
  await removeMember(user, workspaceId, userId);
  revalidatePath("/w", "layout");
});

export async function removeMemberAction(workspaceId: string, userId: string) {
  return remove({ workspaceId, userId });
}
