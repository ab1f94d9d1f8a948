"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { addShareToWorkspace } from "@/lib/sharing/add-to-workspace";
import { defineAction } from "../define-action";

const input = z.object({ shareId: z.string().min(1), workspaceId: z.string().min(1, "Choose a workspace.") });

export const addToWorkspaceAction = defineAction(input, async ({ shareId, workspaceId }, user) => {
  const result = await addShareToWorkspace(user, shareId, workspaceId);
  revalidatePath("/shared", "layout");
  return result;
});
