// Shared set-up for the lib/files integration tests (not a test file itself).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll } from "vitest";
import type { Actor } from "@/lib/access";
import { getDb } from "@/lib/db";
import { createBlobStore, setBlobStore } from "@/lib/storage";
import { createWorkspaceCast, type WorkspaceCast } from "@/lib/workspaces/test-cast";
import { getRootFolder } from "./root-folder";
import { storeFile } from "./store-file";
export { failure } from "@/test/failure";

/** A private DATA_DIR with its blob store for the test file; returns the directory. */
export function setupTempStorage(): { dir: () => string; blobDir: () => string } {
  let dir = "";
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "datashelf-files-"));
    process.env.DATA_DIR = dir;
    setBlobStore(createBlobStore(`file:${path.join(dir, "blobs")}`));
  });
  afterAll(() => {
    setBlobStore(undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return { dir: () => dir, blobDir: () => path.join(dir, "blobs") };
}

export type Cast = WorkspaceCast & { viewer: Actor; rootId: string };

/**
 * A workspace with its owner, a member (editor), an admin (manager), a user holding a viewer
 * grant on the whole workspace, and a stranger with a workspace of their own.
 */
export async function createCast(): Promise<Cast> {
  const cast = await createWorkspaceCast();
  const { owner, workspace } = cast;
  const viewer = await cast.extraUser("vie");
  await getDb().share.create({
    data: {
      workspaceId: workspace.id,
      resourceType: "workspace",
      resourceId: workspace.id,
      granteeType: "user",
      granteeUserId: viewer.id,
      granteeKey: `user:${viewer.id}`,
      role: "viewer",
      createdById: owner.id,
    },
  });
  const root = await getRootFolder(workspace.id);
  return { ...cast, viewer, rootId: root.id };
}

/** Stores `content` at `relativePath` below a folder, as an upload would. */
export async function putFile(
  actor: Actor,
  folderId: string,
  relativePath: string,
  content: string | Buffer,
  onClash: "keep-both" | "replace" | "skip" = "keep-both",
) {
  return storeFile(
    actor,
    { folderId, segments: relativePath.split("/"), onClash },
    { stream: Readable.from([Buffer.from(content)]) },
  );
}

/** Every file below a directory, as paths relative to it. */
export function filesBelow(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)))
    .sort();
}
