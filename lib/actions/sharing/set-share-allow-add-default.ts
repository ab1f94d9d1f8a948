"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { setShareAllowAddDefault } from "@/lib/sharing/share-add-default";
import { defineAction } from "../define-action";

const input = z.object({ workspaceId: z.string().min(1), allow: z.boolean() });

export const setShareAllowAddDefaultAction = defineAction(input, async ({ workspaceId, allow }, user) => {
  const saved = await setShareAllowAddDefault(user, workspaceId, allow);
  revalidatePath("/w", "layout");
  return saved;
});
