"use server";
import { z } from "zod";
import { updateDatasetCard } from "@/lib/catalog/card/update-card";
import { defineAction } from "../define-action";

// The card's fields are validated by updateDatasetCard, which also serves the REST API.
const input = z.object({ datasetId: z.string().min(1), card: z.unknown() });

const update = defineAction(input, async ({ datasetId, card }, user) =>
  updateDatasetCard(user, { id: datasetId }, card),
);

export async function updateDatasetCardAction(datasetId: string, card: unknown) {
  return update({ datasetId, card });
}
