"use server";
import { deleteWorkspace } from "@/lib/workspaces/delete-workspace";
import { withUser } from "../with-user";

export async function deleteWorkspaceAction(workspaceId: string, confirmSlug: string) {
  return withUser(async (user) => {
    await deleteWorkspace(user, workspaceId, confirmSlug);
    return { url: `/w/${user.username}/personal` };
  });
}
