"use server";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { formObject, withUser } from "../with-user";

export async function createWorkspaceAction(_prev: unknown, form: FormData) {
  return withUser(async (user) => {
    const workspace = await createWorkspace(user, formObject<never>(form));
    return { url: `/w/${user.username}/${workspace.slug}` };
  });
}
