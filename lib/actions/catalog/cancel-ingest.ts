"use server";
import { z } from "zod";
import { cancelIngest } from "@/lib/catalog/ingest/cancel-ingest";
import { defineAction } from "../define-action";

const input = z.object({ ingestId: z.string().min(1) });

const cancel = defineAction(input, ({ ingestId }, user) => cancelIngest(user, ingestId));

export async function cancelIngestAction(ingestId: string) {
  return cancel({ ingestId });
}
