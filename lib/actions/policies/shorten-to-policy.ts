"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { shortenToPolicy } from "@/lib/policies/shorten-to-policy";
import { defineAction } from "../define-action";

const input = z.object({ kind: z.enum(["link", "grant"]), id: z.string().min(1) });

export const shortenToPolicyAction = defineAction(input, async ({ kind, id }, user) => {
  const result = await shortenToPolicy(user, kind, id);
  revalidatePath("/w", "layout");
  return result;
});
