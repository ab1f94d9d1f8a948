"use server";
import { revalidatePath } from "next/cache";
import { updateWorkspace } from "@/lib/workspaces/update-workspace";
import { formObject, withUser } from "../with-user";

export async function updateWorkspaceAction(workspaceId: string, owner: string, _prev: unknown, form: FormData) {
  return withUser(async (user) => {
    const workspace = await updateWorkspace(user, workspaceId, formObject<never>(form));
    revalidatePath("/", "layout");
    return { url: `/w/${owner}/${workspace.slug}/settings` };
  });
}
