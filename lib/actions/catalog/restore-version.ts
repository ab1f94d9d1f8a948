"use server";
import { z } from "zod";
import { restoreVersion } from "@/lib/catalog/restore-version";
import { defineAction } from "../define-action";

const input = z.object({ datasetId: z.string().min(1), number: z.coerce.number().int().min(1) });

const restore = defineAction(input, ({ datasetId, number }, user) => restoreVersion(user, datasetId, number));

export async function restoreVersionAction(datasetId: string, number: number) {
  return restore({ datasetId, number });
}
