"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { updateWorkspace, updateWorkspaceInput } from "@/lib/workspaces/update-workspace";
import { defineAction } from "../define-action";
import { formObject } from "../with-user";

const input = updateWorkspaceInput.extend({ workspaceId: z.string().min(1), owner: z.string().min(1) });

const update = defineAction(input, async ({ workspaceId, owner, ...fields }, user) => {
  const workspace = await updateWorkspace(user, workspaceId, fields);
  revalidatePath("/", "layout");
  return { url: `/w/${owner}/${workspace.slug}/settings` };
});

/** The settings form (useActionState, bound to its workspace and owner). */
export async function updateWorkspaceAction(workspaceId: string, owner: string, _previous: unknown, form: FormData) {
  return update({ ...formObject<z.input<typeof updateWorkspaceInput>>(form), workspaceId, owner });
}
