"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createAccessRequest } from "@/lib/requests/create-request";
import { createRequestInput, requestTargetInput } from "@/lib/requests/schemas";
import { defineAction } from "../define-action";

const input = z.object({ target: requestTargetInput, request: createRequestInput });

export const createAccessRequestAction = defineAction(input, async ({ target, request }, user) => {
  const created = await createAccessRequest(user, target, request);
  revalidatePath("/requests");
  return created;
});
