"use server";
import { z } from "zod";
import { rereadIngest } from "@/lib/catalog/ingest/reread-ingest";
import { getIngestReview } from "@/lib/catalog/ingest/ingest-review";
import { defineAction } from "../define-action";

// The options are validated by rereadIngest (ingestOptionsSchema), which the REST API shares.
const input = z.object({ ingestId: z.string().min(1), options: z.unknown() });

const reread = defineAction(input, async ({ ingestId, options }, user) => {
  await rereadIngest(user, ingestId, options);
  return getIngestReview(user, ingestId);
});

/** Reads a pending upload again with other options and answers the new review (or why the options were refused). */
export async function rereadIngestAction(ingestId: string, options: unknown) {
  return reread({ ingestId, options });
}
