import "server-only";
import type { Actor } from "@/lib/access";
import { discardIngest } from "./expire-ingests";
import { loadOwnIngest } from "./load-own-ingest";

/** The uploader changed their mind: the converted file and its pending row are deleted; nothing else changed. */
export async function cancelIngest(actor: Actor, ingestId: string): Promise<void> {
  const ingest = await loadOwnIngest(actor, ingestId);
  await discardIngest(ingest);
}
