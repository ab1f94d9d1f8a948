"use server";
import { revalidatePath } from "next/cache";
import { createApiToken, revokeApiToken } from "@/lib/tokens/api-tokens";
import { formObject, withUser } from "../with-user";

export async function createApiTokenAction(_prev: unknown, form: FormData) {
  return withUser(async (user) => {
    const { name, expiresDays } = formObject(form);
    const created = await createApiToken(user.id, {
      name: name ?? "",
      expiresDays: expiresDays ? Number(expiresDays) : undefined,
    });
    revalidatePath("/account");
    return { token: created.token };
  });
}

export async function revokeApiTokenAction(tokenId: string) {
  return withUser(async (user) => {
    await revokeApiToken(user, tokenId);
    revalidatePath("/account");
  });
}
