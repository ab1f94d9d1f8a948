"use server";
import { z } from "zod";
import { acceptInvitation } from "@/lib/workspaces/invitations";
import { defineAction } from "../define-action";

const input = z.object({ token: z.string().min(1, "This invitation link is incomplete.") });

const accept = defineAction(input, async ({ token }, user) => {
  const { owner, slug } = await acceptInvitation(user, token);
  return { url: `/w/${owner}/${slug}` };
});

export async function acceptInvitationAction(token: string) {
  return accept({ token });
}
