import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { initiateMultipart } from "@/lib/api/multipart";
import { createCast, createDataset, filesBelow, prepare, setupCatalogStorage } from "@/lib/catalog/test-support";
import { getDb } from "@/lib/db";
import { putFile } from "@/lib/files/test-support";
import { getRootFolder } from "@/lib/files/root-folder";
import { deleteWorkspace } from "@/lib/workspaces/delete-workspace";
import { setupTestDatabase } from "@/test/db";
import { sweepLeftovers } from "./sweep-leftovers";

setupTestDatabase();
const storage = setupCatalogStorage();

/** A workspace with a file, a dataset, a pending ingest, an access link with a visit, and a share with an invitation. */
async function furnished() {
  const cast = await createCast();
  const root = await getRootFolder(cast.workspace.id);
  await putFile(cast.owner, root.id, "notes.txt", "hello");
  const { datasetId } = await createDataset(cast.owner, cast.workspace.id, "sales.csv", "region,amount\nnorth,1\n");
  await prepare(cast.owner, cast.workspace.id, "more.csv", "region,amount\nsouth,2\n", { mode: "append", datasetId });
  const db = getDb();
  const link = await db.accessLink.create({
    data: {
      workspaceId: cast.workspace.id,
      resourceType: "workspace",
      resourceId: cast.workspace.id,
      tokenHash: `h-${cast.workspace.id}`,
      prefix: "abc",
      mode: "public",
      expiresAt: new Date(Date.now() + 3_600_000),
      createdById: cast.owner.id,
    },
  });
  await db.accessLinkVisit.create({ data: { linkId: link.id, visitorKey: "v", day: "2026-11-30" } });
  const share = await db.share.create({
    data: {
      workspaceId: cast.workspace.id,
      resourceType: "workspace",
      resourceId: cast.workspace.id,
      granteeType: "email",
      granteeEmail: "new@example.com",
      granteeKey: "email:new@example.com",
      role: "viewer",
      createdById: cast.owner.id,
    },
  });
  await db.shareInvitation.create({
    data: {
      shareId: share.id,
      email: "new@example.com",
      tokenHash: `t-${share.id}`,
      expiresAt: new Date(Date.now() + 3_600_000),
    },
  });
  return { ...cast, datasetId };
}

async function counts() {
  const db = getDb();
  return {
    blobs: filesBelow(storage.blobDir()).filter((f) => !f.startsWith(".tmp")).length,
    links: await db.accessLink.count(),
    visits: await db.accessLinkVisit.count(),
    invitations: await db.shareInvitation.count(),
    ingests: await db.datasetIngest.count(),
    files: await db.fileEntry.count({ where: { kind: "file" } }),
    versions: await db.datasetVersion.count(),
  };
}

describe("leftovers", () => {
  it("deleting a workspace removes its blobs, access links (and visits), invitations and pending ingests", async () => {
    const { owner, workspace } = await furnished();
    expect(await counts()).toEqual({
      blobs: 3,
      links: 1,
      visits: 1,
      invitations: 1,
      ingests: 1,
      files: 1,
      versions: 1,
    });
    await deleteWorkspace(owner, workspace.id, workspace.slug);
    expect(await counts()).toEqual({
      blobs: 0,
      links: 0,
      visits: 0,
      invitations: 0,
      ingests: 0,
      files: 0,
      versions: 0,
    });
  });

  it("the sweep removes orphans older than the grace period: blobs no row refers to, temporary blob files, catalog scratch, interrupted multipart completions, ingests into deleted datasets", async () => {
    const { owner, workspace, datasetId } = await furnished();
    const second = await createDataset(owner, workspace.id, "other.csv", "a\n1\n");
    await prepare(owner, workspace.id, "again.csv", "a\n2\n", { mode: "append", datasetId: second.datasetId });
    await getDb().dataset.delete({ where: { id: second.datasetId } }); // its version's blob and its pending ingest are now orphans
    const write = (file: string) => {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, "left over");
    };
    write(path.join(storage.blobDir(), "files", "gone-workspace", "orphan"));
    write(path.join(storage.blobDir(), ".tmp", "cut-short"));
    write(path.join(storage.scratch(), "conversion.parquet"));
    const { uploadId } = await initiateMultipart(
      owner,
      workspace.owner,
      workspace.slug,
      (await getDb().dataset.findUniqueOrThrow({ where: { id: datasetId } })).slug,
      { format: "csv", mode: "append" },
    );
    const multipart = path.join(storage.dir(), "uploads", "multipart");
    const meta = JSON.parse(fs.readFileSync(path.join(multipart, uploadId, "meta.json"), "utf8")) as {
      createdAt: number;
    };
    fs.writeFileSync(
      path.join(multipart, uploadId, "meta.json"),
      JSON.stringify({ ...meta, createdAt: Date.now() - 48 * 3_600_000 }),
    );
    fs.renameSync(path.join(multipart, uploadId), path.join(multipart, `${uploadId}.completing-1a2b3c4d`)); // as older versions left them

    const before = await counts();
    expect(before).toMatchObject({ blobs: 3 + 2 + 1, ingests: 2, files: 1, versions: 1 });
    // Nothing is older than the grace period yet: all kept, but the multipart upload (abandoned for longer than UPLOAD_EXPIRE_HOURS).
    expect(await sweepLeftovers()).toEqual({ ingests: 0, blobs: 0, temporary: 0, scratch: 0, multipart: 1 });
    const later = new Date(Date.now() + 7 * 3_600_000);
    expect(await sweepLeftovers(later)).toEqual({ ingests: 1, blobs: 3, temporary: 1, scratch: 1, multipart: 0 });
    expect(await counts()).toEqual({ ...before, blobs: 3, ingests: 1 }); // the file, the dataset's version, its pending ingest
    expect(fs.readdirSync(multipart)).toEqual([]);
    expect(fs.readdirSync(storage.scratch())).toEqual([]);
  });
});
