"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { commitIngest } from "@/lib/catalog/ingest/commit-ingest";
import { defineAction } from "../define-action";

// The metadata's fields are validated by commitIngest, which also serves the REST API.
const input = z.object({ ingestId: z.string().min(1), metadata: z.unknown() });

const commit = defineAction(input, async ({ ingestId, metadata }, user) => {
  const committed = await commitIngest(user, ingestId, metadata);
  revalidatePath(committed.path);
  return { url: committed.path, version: committed.version };
});

export async function commitIngestAction(ingestId: string, metadata?: unknown) {
  return commit({ ingestId, metadata });
}
