"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { revokeApiToken } from "@/lib/tokens/api-tokens";
import { defineAction } from "../define-action";

const input = z.object({ tokenId: z.string().min(1) });

const revoke = defineAction(input, async ({ tokenId }, user) => {
  await revokeApiToken(user, tokenId);
  revalidatePath("/account");
});

export async function revokeApiTokenAction(tokenId: string) {
  return revoke({ tokenId });
}
