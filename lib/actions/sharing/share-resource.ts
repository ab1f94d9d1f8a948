"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { resourceTypeSchema, shareInput } from "@/lib/sharing/schemas";
import { shareResource } from "@/lib/sharing/share-resource";
import { defineAction } from "../define-action";

const input = shareInput.extend({ type: resourceTypeSchema, id: z.string().min(1) });

export const shareResourceAction = defineAction(input, async ({ type, id, ...share }, user) => {
  const outcomes = await shareResource(user, type, id, share);
  revalidatePath("/shared", "layout");
  return outcomes;
});
