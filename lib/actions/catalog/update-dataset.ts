"use server";
import { z } from "zod";
import { updateDataset } from "@/lib/catalog/update-dataset";
import { defineAction } from "../define-action";

// The dataset's fields are validated by updateDataset, which also serves the REST API.
const input = z.object({ datasetId: z.string().min(1), fields: z.unknown() });

const update = defineAction(input, async ({ datasetId, fields }, user) => {
  const { path } = await updateDataset(user, datasetId, fields);
  return { url: path };
});

export async function updateDatasetAction(datasetId: string, fields: unknown) {
  return update({ datasetId, fields });
}
