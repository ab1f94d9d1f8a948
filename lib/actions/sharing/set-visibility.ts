"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { setDatasetVisibility } from "@/lib/catalog/set-visibility";
import { defineAction } from "../define-action";

// The service validates the visibility itself (it is shared with the REST API).
const input = z.object({ datasetId: z.string().min(1), visibility: z.string() });

export const setVisibilityAction = defineAction(input, async ({ datasetId, visibility }, user) => {
  const result = await setDatasetVisibility(user, datasetId, visibility);
  revalidatePath("/w", "layout");
  return result;
});
