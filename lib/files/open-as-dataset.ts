import "server-only";
import type { Actor } from "@/lib/access";
import { prepareIngest } from "@/lib/catalog/ingest/prepare-ingest";
import { getBlobStore } from "@/lib/storage";
import { invalid } from "@/lib/util/errors";
import { extensionOf } from "./file-types";
import { loadEntry } from "./load-entry";

/**
 * Turns a CSV or Parquet file into a new catalog dataset of the same workspace: the catalog's
 * ingest reads the file's blob (never moving it) and returns its review page, where the user
 * confirms the schema. Reading the file is checked here; creating the dataset (editors of the
 * workspace) by the catalog.
 */
export async function openAsDataset(actor: Actor, fileId: string): Promise<{ url: string }> {
  const file = await loadEntry(actor, fileId, "read", { kind: "file" });
  const ext = extensionOf(file.name);
  if (ext !== "csv" && ext !== "parquet") throw invalid("Only CSV and Parquet files can be opened as a dataset.");
  const sourcePath = await getBlobStore().localPath(file.blobKey!);
  const prepared = await prepareIngest(actor, {
    workspaceId: file.workspaceId,
    mode: "create",
    sourcePath,
    sourceName: file.name,
    format: ext,
    review: true,
  });
  return { url: prepared.url };
}
