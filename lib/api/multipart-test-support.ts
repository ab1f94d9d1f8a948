import { getDb } from "@/lib/db";
import { createCast, createDataset } from "@/lib/catalog/test-support";
import { initiateMultipart } from "./multipart";

/** A request body holding `text`. */
export const body = (text: string) => new Blob([text]).stream();

/** A dataset with one row ("north,1") and a multipart upload of CSV rows to append to it, started by its owner. */
export async function startedUpload() {
  const cast = await createCast();
  const dataset = await createDataset(cast.owner, cast.workspace.id, "sales.csv", "region,amount\nnorth,1\n");
  const slug = (await getDb().dataset.findUniqueOrThrow({ where: { id: dataset.datasetId } })).slug;
  const args = [cast.workspace.owner, cast.workspace.slug, slug] as const;
  const { uploadId } = await initiateMultipart(cast.owner, ...args, { format: "csv", mode: "append" });
  return { ...cast, args, uploadId, datasetId: dataset.datasetId };
}
