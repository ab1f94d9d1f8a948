import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { openFileDownload } from "@/lib/files/open-download";
import { getRootFolder } from "@/lib/files/root-folder";
import { storeFile } from "@/lib/files/store-file";
import { setupTestDatabase } from "@/test/db";
import { exportDataset } from "@/lib/catalog/export-dataset";
import { queryDataset } from "@/lib/catalog/query";
import { updateDataset } from "@/lib/catalog/update-dataset";
import { createCast, createDataset, failure, setupCatalogStorage } from "@/lib/catalog/test-support";
import { createAccessLink } from "./manage-links";
import { openAccessLink } from "./open-link";

setupTestDatabase();
setupCatalogStorage();
process.env.LINK_MAX_DELAY_MS = "5";

const CSV = "id,city,temp\n1,Oslo,3.5\n2,Bergen,7.25\n3,Tromsø,-4\n";

async function text(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

describe("a dataset's access link", () => {
  it("reads the grid (sorted and filtered) and downloads that dataset only, and never writes", async () => {
    const cast = await createCast();
    const shared = await createDataset(cast.owner, cast.workspace.id, "weather.csv", CSV);
    const other = await createDataset(cast.owner, cast.workspace.id, "secret.csv", "x\n1\n");
    const link = await createAccessLink(cast.owner, {
      resourceType: "dataset",
      resourceId: shared.datasetId,
      mode: "public",
    });
    const opened = await openAccessLink(link.token, { client: "10.9.0.1", viewer: null, cookies: () => undefined });
    if (opened.status !== "ok") throw new Error(`link did not open: ${opened.status}`);
    const visitor = opened.link.actor;

    const page = await queryDataset(visitor, shared.datasetId, {
      sort: [{ column: "temp", direction: "desc" }],
      filters: [{ column: "temp", op: "range", min: 0 }],
    });
    expect(page.rows.map((r) => (Array.isArray(r) ? r[1] : (r as Record<string, unknown>).city))).toEqual([
      "Bergen",
      "Oslo",
    ]);

    const download = await exportDataset(visitor, shared.datasetId, { format: "csv" });
    expect(await text(download.body)).toContain("Tromsø");

    expect((await failure(queryDataset(visitor, other.datasetId, {}))).code).toBe("not_found");
    expect((await failure(exportDataset(visitor, other.datasetId, { format: "csv" }))).code).toBe("not_found");
    expect((await failure(updateDataset(visitor, shared.datasetId, { name: "Hacked", slug: "weather" }))).code).toBe(
      "forbidden",
    );
  });
});

describe("a file's access link", () => {
  it("downloads without an account and the download is in the audit trail under the link", async () => {
    const cast = await createCast();
    const root = await getRootFolder(cast.workspace.id);
    const stored = await storeFile(
      cast.owner,
      { folderId: root.id, segments: ["notes.txt"], onClash: "keep-both" },
      { stream: Readable.from([Buffer.from("hello")]) },
    );
    if (stored.status === "skipped") throw new Error("not stored");
    const link = await createAccessLink(cast.owner, { resourceType: "file", resourceId: stored.id, mode: "public" });
    const opened = await openAccessLink(link.token, { client: "10.9.0.2", viewer: null, cookies: () => undefined });
    if (opened.status !== "ok") throw new Error(`link did not open: ${opened.status}`);
    const { file, recordDownload } = await openFileDownload(opened.link.actor, stored.id);
    expect(file.name).toBe("notes.txt");
    await recordDownload();
    const event = await getDb().auditEvent.findFirstOrThrow({
      where: { action: "file.downloaded", resourceId: stored.id },
    });
    expect(event.actorId).toBeNull();
    expect(event.details).toMatchObject({ linkId: link.id, name: "notes.txt" });
  });
});
