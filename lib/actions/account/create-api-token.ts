"use server";
import { revalidatePath } from "next/cache";
import { createApiToken, createTokenInput } from "@/lib/tokens/api-tokens";
import { defineAction } from "../define-action";
import { formObject } from "../with-user";

const create = defineAction(createTokenInput, async (input, user) => {
  const created = await createApiToken(user.id, input);
  revalidatePath("/account");
  return { token: created.token };
});

/** The new-token form (useActionState); an empty expiry means the token does not expire. */
export async function createApiTokenAction(_previous: unknown, form: FormData) {
  const { name = "", expiresDays } = formObject(form);
  return create({ name, expiresDays: expiresDays ? expiresDays : undefined });
}
