// Shared set-up for the lib/catalog tests (not a test file itself).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import type { Actor } from "@/lib/access";
import { createBlobStore, setBlobStore } from "@/lib/storage";
import { settleBackground } from "@/lib/util/background";
import { createWorkspaceCast, type WorkspaceCast } from "@/lib/workspaces/test-cast";
import { closeDatasetDbs } from "./duckdb/dataset-db";
import { commitIngest } from "./ingest/commit-ingest";
import { prepareIngest } from "./ingest/prepare-ingest";
import type { IngestMode, SourceFormat } from "./types";
export { failure } from "@/test/failure";

/** A private DATA_DIR (blobs, scratch, staged files) for the test file. */
export function setupCatalogStorage(): { dir: () => string; blobDir: () => string; scratch: () => string } {
  let dir = "";
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "datashelf-catalog-"));
    process.env.DATA_DIR = dir;
    setBlobStore(createBlobStore(`file:${path.join(dir, "blobs")}`));
  });
  afterAll(async () => {
    await settleBackground(); // a new version's profile may still be reading its file
    await closeDatasetDbs();
    setBlobStore(undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return { dir: () => dir, blobDir: () => path.join(dir, "blobs"), scratch: () => path.join(dir, "tmp", "catalog") };
}

export type Cast = WorkspaceCast;

/** A workspace with its owner, a member (editor), an admin (manager), and a stranger with a workspace of their own. */
export const createCast = createWorkspaceCast;

/** Writes `content` to a fresh file (as a finished upload would be staged) and returns its path. */
export function stage(name: string, content: string | Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "datashelf-upload-"));
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

const FORMAT_OF: Record<string, SourceFormat> = {
  csv: "csv",
  tsv: "tsv",
  json: "json",
  jsonl: "jsonl",
  parquet: "parquet",
};

/** Prepares an ingest from `content` (format from the file name). */
export function prepare(
  actor: Actor,
  workspaceId: string,
  name: string,
  content: string | Buffer,
  target: { mode?: IngestMode; datasetId?: string } = {},
) {
  const format = FORMAT_OF[name.split(".").pop()!]!;
  return prepareIngest(actor, {
    workspaceId,
    mode: target.mode ?? "create",
    datasetId: target.datasetId,
    sourcePath: stage(name, content),
    sourceName: name,
    format,
  });
}

/** Uploads and confirms a new dataset in one go, and waits until its column profile is stored. */
export async function createDataset(
  actor: Actor,
  workspaceId: string,
  name: string,
  content: string | Buffer,
  meta: { name?: string; slug?: string; description?: string; tags?: string[] } = {},
) {
  const ingest = await prepare(actor, workspaceId, name, content);
  const slug =
    meta.slug ??
    name
      .replace(/\.[a-z]+$/, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-");
  const committed = await commitIngest(actor, ingest.id, {
    name: meta.name ?? slug,
    slug,
    description: meta.description ?? "",
    tags: meta.tags ?? [],
  });
  // The new version's profile is computed after the ingest answers; a test starts from a dataset at rest.
  await settleBackground();
  return committed;
}

/** Every file below a directory (relative paths); [] when it does not exist. */
export function filesBelow(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)));
}
