import "server-only";
import type { Actor } from "@/lib/access";
import { recordAudit } from "@/lib/audit/record";
import { type JsonObjectInput, type Tx, getDb } from "@/lib/db";
import { getBlobStore } from "@/lib/storage";
import { conflict, invalid, notFound } from "@/lib/util/errors";
import { isUniqueViolation } from "@/lib/util/prisma-errors";
import { advanceDatasetVersion } from "../advance-version";
import { datasetPath } from "../dataset-view";
import { datasetMetadataSchema } from "../schemas";
import { searchTextOf } from "../search-text";
import { profileAfterIngest } from "../profile/ensure-profile";
import { type Column, parseColumns } from "../types";
import { authorizeIngest } from "./authorize-ingest";
import { discardIngest } from "./expire-ingests";
import { loadOwnIngest } from "./load-own-ingest";
import { schemaMismatch } from "./schema-match";
import { datasetLockKey, withDatasetWriteLock } from "./write-lock";

export type CommittedIngest = { datasetId: string; version: number; path: string };

const slugTaken = (slug: string) =>
  conflict(`This workspace already has a dataset at "${slug}".`, { slug: "That URL name is taken in this workspace." });
const moved = () =>
  conflict(
    "The dataset changed while you were reviewing this upload (someone added a version). Upload the file again to build on the new version.",
  );

/**
 * Second half of an ingest: the uploader confirms the schema and the upload becomes a dataset
 * (with `metadata`: name, slug, description, tags) or the next version of one, in one
 * transaction with its audit record. The version's Parquet is the upload's (no copy). An
 * append or replace prepared against a version that is no longer current is refused and
 * discarded: it would silently drop the other person's rows.
 */
export async function commitIngest(actor: Actor, ingestId: string, metadata?: unknown): Promise<CommittedIngest> {
  const ingest = await loadOwnIngest(actor, ingestId);
  const { workspace, dataset } = await authorizeIngest(actor, ingest);
  const columns = parseColumns(ingest.columns);
  if (ingest.blocked && dataset) {
    const file = parseColumns(ingest.fileColumns ?? ingest.columns);
    throw (
      schemaMismatch(
        parseColumns(dataset.columns),
        file,
        ingest.sourceFormat === "csv" || ingest.sourceFormat === "tsv",
      ) ??
      invalid("The file's columns do not match the dataset. Change the columns in the review, or replace the data.")
    );
  }
  const committed = await commitStaged(actor, ingest, workspace, dataset, columns, metadata);
  // The upload as received was kept only for the review; the version now has its Parquet.
  if (ingest.sourceBlobKey)
    await getBlobStore()
      .delete(ingest.sourceBlobKey)
      .catch(() => {});
  return committed;
}

async function commitStaged(
  actor: Actor,
  ingest: Awaited<ReturnType<typeof loadOwnIngest>>,
  workspace: Awaited<ReturnType<typeof authorizeIngest>>["workspace"],
  dataset: Awaited<ReturnType<typeof authorizeIngest>>["dataset"],
  columns: Column[],
  metadata: unknown,
): Promise<CommittedIngest> {
  // The version is stored without its profile, which is computed once the ingest has answered (profileAfterIngest).
  const version = (number: number) => ({
    number,
    kind: ingest.mode,
    blobKey: ingest.blobKey,
    columns,
    rowCount: ingest.rowCount,
    sizeBytes: ingest.sizeBytes,
    addedRows: ingest.addedRows,
    sourceName: ingest.sourceName,
    sourceFormat: ingest.sourceFormat,
    createdById: actor.id,
  });
  // A new dataset and a new version end alike: the upload is used up (once only, so a double
  // confirmation fails instead of writing twice) and the event is audited in the same transaction.
  const consumeAndAudit = async (
    tx: Tx,
    event: { action: "dataset.created" | "dataset.ingested"; datasetId: string; details: JsonObjectInput },
  ) => {
    const { count } = await tx.datasetIngest.deleteMany({ where: { id: ingest.id } });
    if (count === 0) throw notFound("This upload was already confirmed or cancelled.");
    await recordAudit(tx, {
      workspaceId: workspace.id,
      actorId: actor.id,
      action: event.action,
      resourceType: "dataset",
      resourceId: event.datasetId,
      details: event.details,
    });
  };

  let versionId = "";
  if (!dataset) {
    const meta = datasetMetadataSchema.parse(metadata ?? {});
    try {
      await getDb().$transaction(async (tx) => {
        const clash = await tx.dataset.findUnique({
          where: { workspaceId_slug: { workspaceId: workspace.id, slug: meta.slug } },
          select: { id: true },
        });
        if (clash) throw slugTaken(meta.slug);
        await tx.dataset.create({
          data: {
            id: ingest.datasetId,
            workspaceId: workspace.id,
            slug: meta.slug,
            name: meta.name,
            sortName: meta.name.toLowerCase(),
            description: meta.description,
            tags: meta.tags,
            searchText: searchTextOf({ ...meta, columns }),
            version: 1,
            columns,
            rowCount: ingest.rowCount,
            sizeBytes: ingest.sizeBytes,
            createdById: actor.id,
            updatedById: actor.id,
            tagRows: { create: meta.tags.map((tag) => ({ tag, workspaceId: workspace.id })) },
          },
        });
        ({ id: versionId } = await tx.datasetVersion.create({
          data: { datasetId: ingest.datasetId, ...version(1) },
          select: { id: true },
        }));
        await consumeAndAudit(tx, {
          action: "dataset.created",
          datasetId: ingest.datasetId,
          details: { slug: meta.slug, rows: Number(ingest.rowCount), file: ingest.sourceName },
        });
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw slugTaken(meta.slug);
      throw error;
    }
    profileAfterIngest({ id: versionId, blobKey: ingest.blobKey, columns });
    return { datasetId: ingest.datasetId, version: 1, path: datasetPath(workspace.owner, workspace.slug, meta.slug) };
  }

  // The same lock as one-step API writes, so a confirmation never lands in the middle of one.
  return withDatasetWriteLock(datasetLockKey(dataset.id), async () => {
    let number = 0;
    try {
      await getDb().$transaction(async (tx) => {
        const current = await tx.dataset.findUniqueOrThrow({ where: { id: dataset.id } });
        if (current.version !== ingest.baseVersion) throw moved();
        number = current.version + 1;
        ({ id: versionId } = await tx.datasetVersion.create({
          data: { datasetId: dataset.id, ...version(number) },
          select: { id: true },
        }));
        await advanceDatasetVersion(tx, { current, version: number, columns, size: ingest, actorId: actor.id });
        await consumeAndAudit(tx, {
          action: "dataset.ingested",
          datasetId: dataset.id,
          details: {
            slug: current.slug,
            mode: ingest.mode,
            version: number,
            rows: Number(ingest.addedRows),
            file: ingest.sourceName,
          },
        });
      });
    } catch (error) {
      const stale = isUniqueViolation(error) || (error instanceof Error && error.message === moved().message);
      if (stale) {
        await discardIngest(ingest);
        throw moved();
      }
      throw error;
    }
    profileAfterIngest({ id: versionId, blobKey: ingest.blobKey, columns });
    return { datasetId: dataset.id, version: number, path: datasetPath(workspace.owner, workspace.slug, dataset.slug) };
  });
}
