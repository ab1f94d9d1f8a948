import "server-only";
import type { Actor } from "@/lib/access";
import { getDb } from "@/lib/db";
import { notFound } from "@/lib/util/errors";

/**
 * A pending ingest of the actor's own. Rule: only its uploader sees or confirms it; anyone
 * else, and an expired one, get the same 404.
 */
export async function loadOwnIngest(actor: Actor, ingestId: string) {
  const ingest = await getDb().datasetIngest.findUnique({ where: { id: ingestId } });
  if (!ingest || ingest.createdById !== actor.id || ingest.expiresAt.getTime() < Date.now()) {
    throw notFound(
      "This upload is no longer waiting for confirmation: it was confirmed, cancelled or has expired. Upload the file again.",
    );
  }
  return ingest;
}
