"use server";
import { revalidatePath } from "next/cache";
import { withUser } from "@/lib/actions/with-user";
import { deleteDataset } from "./delete-dataset";
import { cancelIngest } from "./ingest/cancel-ingest";
import { commitIngest } from "./ingest/commit-ingest";
import { restoreVersion } from "./restore-version";
import { updateDataset } from "./update-dataset";

// Catalog writes from the UI. Each is a public POST endpoint: withUser requires a session and the
// services check the caller's role through lib/access. (Access-link visitors never write.)

export async function commitIngestAction(ingestId: string, metadata?: unknown) {
  return withUser(async (user) => {
    const committed = await commitIngest(user, String(ingestId), metadata);
    revalidatePath(committed.path);
    return { url: committed.path, version: committed.version };
  });
}

export async function cancelIngestAction(ingestId: string) {
  return withUser((user) => cancelIngest(user, String(ingestId)));
}

export async function updateDatasetAction(datasetId: string, input: unknown) {
  return withUser(async (user) => {
    const { path } = await updateDataset(user, String(datasetId), input);
    return { url: path };
  });
}

export async function restoreVersionAction(datasetId: string, number: number) {
  return withUser(async (user) => restoreVersion(user, String(datasetId), Number(number)));
}

export async function deleteDatasetAction(datasetId: string, confirmSlug: string) {
  return withUser((user) => deleteDataset(user, String(datasetId), String(confirmSlug ?? "")));
}
