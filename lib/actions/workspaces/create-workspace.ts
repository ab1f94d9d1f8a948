"use server";
import { createWorkspace, createWorkspaceInput } from "@/lib/workspaces/create-workspace";
import { defineFormAction } from "../define-action";

export const createWorkspaceAction = defineFormAction(createWorkspaceInput, async (input, user) => {
  const workspace = await createWorkspace(user, input);
  return { url: `/w/${user.username}/${workspace.slug}` };
});
