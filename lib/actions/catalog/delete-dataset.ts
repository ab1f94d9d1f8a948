"use server";
import { z } from "zod";
import { deleteDataset } from "@/lib/catalog/delete-dataset";
import { defineAction } from "../define-action";

const input = z.object({ datasetId: z.string().min(1), confirmSlug: z.string().default("") });

const remove = defineAction(input, ({ datasetId, confirmSlug }, user) => deleteDataset(user, datasetId, confirmSlug));

export async function deleteDatasetAction(datasetId: string, confirmSlug: string) {
  return remove({ datasetId, confirmSlug });
}
