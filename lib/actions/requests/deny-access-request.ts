"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { denyAccessRequest } from "@/lib/requests/decide-request";
import { denyRequestInput } from "@/lib/requests/schemas";
import { defineAction } from "../define-action";

const input = z.object({ requestId: z.string().min(1) }).and(denyRequestInput);

export const denyAccessRequestAction = defineAction(input, async ({ requestId, reason }, user) => {
  const decision = await denyAccessRequest(user, requestId, { reason });
  revalidatePath("/w", "layout");
  return decision;
});
