import "server-only";
import { randomBytes } from "node:crypto";
import fsp from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { Actor } from "@/lib/access";
import { catalogConfig, catalogTempDir } from "@/lib/catalog/config";
import { datasetNameLockKey, withDatasetWriteLock } from "@/lib/catalog/ingest/write-lock";
import { ingestOptionsSchema, type IngestOptions } from "@/lib/catalog/ingest/ingest-options";
import { datasetSlugSchema } from "@/lib/catalog/schemas";
import { getDb } from "@/lib/db";
import { invalid } from "@/lib/util/errors";
import { valueDepth } from "./json-depth";
import { type Namespace, findOwnNamespace } from "./namespaces";
import { type WriteResult, writeDatasetFile } from "./write-dataset";

const record = z.record(z.string(), z.unknown());
const records = z
  .array(record, { error: "Send a JSON array of records (objects)." })
  .min(1, "Send at least one record.")
  .max(1_000_000);

/** POST /ingest body: an array of records, or {"data": [...]} (DataLinks' envelope), optionally with {"options"}. */
export const ingestBodySchema = z.union(
  [
    records,
    z.object({
      data: records,
      options: ingestOptionsSchema
        .optional()
        .describe("per column of the records: a new name and/or type ({columns: [{source, name, type}]})"),
    }),
  ],
  { error: 'Send a JSON array of records, or {"data": [records], "options": {...}}.' },
);

/**
 * Rule: no value in a record nests more than CATALOG_MAX_NESTING levels (422 naming the record),
 * the same limit an uploaded JSON file has: the column type inferred from it would make every
 * read of the dataset slow.
 */
function assertRecordNesting(rows: Record<string, unknown>[]): void {
  const { maxNesting } = catalogConfig();
  const index = rows.findIndex((row) => valueDepth(row) - 1 > maxNesting);
  if (index >= 0)
    throw invalid(
      `Record ${index + 1}: values are nested more than ${maxNesting} levels deep; a dataset column can hold at most ${maxNesting} levels.`,
    );
}

/**
 * DataLinks' plain ingest. Rule: it writes only into the caller's OWN namespace (a workspace they
 * own), never into data shared with them (that is the multipart upload under the owner's name);
 * a new dataset name creates the dataset, an existing one gets the records appended, and a
 * record set whose columns do not match is refused (422 naming the columns) with nothing written.
 */
export async function ingestRecords(
  actor: Actor,
  namespace: string,
  datasetName: string,
  body: z.output<typeof ingestBodySchema>,
): Promise<WriteResult & { created: boolean; dataset: string }> {
  const workspace = await findOwnNamespace(actor.id, namespace);
  const slug = datasetSlugSchema.parse(datasetName);
  const rows = Array.isArray(body) ? body : body.data;
  const options = Array.isArray(body) ? undefined : body.options;
  assertRecordNesting(rows);
  // Create-or-append is decided and done under the name's lock: two first ingests at once
  // create the dataset once and append the other's records.
  return withDatasetWriteLock(datasetNameLockKey(workspace.id, slug), () =>
    writeRecords(actor, workspace, slug, datasetName, rows, options),
  );
}

async function writeRecords(
  actor: Actor,
  workspace: Namespace,
  slug: string,
  datasetName: string,
  rows: Record<string, unknown>[],
  options: IngestOptions | undefined,
): Promise<WriteResult & { created: boolean; dataset: string }> {
  const existing = await getDb().dataset.findUnique({
    where: { workspaceId_slug: { workspaceId: workspace.id, slug } },
    select: { id: true },
  });
  const dir = path.join(catalogTempDir(), `api-ingest-${randomBytes(8).toString("hex")}`);
  await fsp.mkdir(dir, { recursive: true });
  try {
    const file = path.join(dir, "records.jsonl");
    await fsp.writeFile(file, rows.map((r) => JSON.stringify(r)).join("\n") + "\n");
    const result = await writeDatasetFile(
      actor,
      existing
        ? { workspaceId: workspace.id, mode: "append", datasetId: existing.id }
        : {
            workspaceId: workspace.id,
            mode: "create",
            metadata: { name: datasetName, slug, description: "", tags: [] },
          },
      { path: file, name: `${slug}.jsonl`, format: "jsonl", options },
    );
    return { ...result, created: !existing, dataset: `${workspace.owner}/${workspace.slug}/${slug}` };
  } finally {
    await fsp.rm(dir, { recursive: true, force: true });
  }
}
