"use server";
import { z } from "zod";
import { deleteWorkspace } from "@/lib/workspaces/delete-workspace";
import { defineAction } from "../define-action";

const input = z.object({ workspaceId: z.string().min(1), confirmSlug: z.string() });

const remove = defineAction(input, async ({ workspaceId, confirmSlug }, user) => {
  await deleteWorkspace(user, workspaceId, confirmSlug);
  return { url: `/w/${user.username}/personal` };
});

export async function deleteWorkspaceAction(workspaceId: string, confirmSlug: string) {
  return remove({ workspaceId, confirmSlug });
}
