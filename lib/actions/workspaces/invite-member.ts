"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { inviteInput, inviteMember } from "@/lib/workspaces/invitations";
import { defineAction } from "../define-action";
import { formObject } from "../with-user";

const input = inviteInput.extend({ workspaceId: z.string().min(1) });

const invite = defineAction(input, async ({ workspaceId, ...invitation }, user) => {
  await inviteMember(user, workspaceId, invitation);
  revalidatePath("/w", "layout");
  return { invited: invitation.email };
});

/** The invite form (useActionState, bound to its workspace). */
export async function inviteMemberAction(workspaceId: string, _previous: unknown, form: FormData) {
  return invite({ ...formObject<z.input<typeof inviteInput>>(form), workspaceId });
}
