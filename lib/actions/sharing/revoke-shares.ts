"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { revokeShares, revokeSharesInput } from "@/lib/sharing/revoke-shares";
import { defineAction } from "../define-action";

const input = z.object({ shareIds: revokeSharesInput });

export const revokeSharesAction = defineAction(input, async ({ shareIds }, user) => {
  const result = await revokeShares(user, shareIds);
  revalidatePath("/shared", "layout");
  return result;
});
