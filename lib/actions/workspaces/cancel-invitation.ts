"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { cancelInvitation } from "@/lib/workspaces/invitations";
import { defineAction } from "../define-action";

const input = z.object({ workspaceId: z.string().min(1), invitationId: z.string().min(1) });

const cancel = defineAction(input, async ({ workspaceId, invitationId }, user) => {
  await cancelInvitation(user, workspaceId, invitationId);
  revalidatePath("/w", "layout");
});

export async function cancelInvitationAction(workspaceId: string, invitationId: string) {
  return cancel({ workspaceId, invitationId });
}
