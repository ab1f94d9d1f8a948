"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { revokeShare } from "@/lib/sharing/revoke-share";
import { defineAction } from "../define-action";

const input = z.object({ shareId: z.string().min(1) });

export const revokeShareAction = defineAction(input, async ({ shareId }, user) => {
  await revokeShare(user, shareId);
  revalidatePath("/shared", "layout");
});
