import { describe, expect, it } from "vitest";
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
    const link = await createAccessLink(cast.owner, { resourceType: "dataset", resourceId: shared.datasetId, mode: "public" });
    const opened = await openAccessLink(link.token, { client: "10.9.0.1", viewer: null, cookies: () => undefined });
    if (opened.status !== "ok") throw new Error(`link did not open: ${opened.status}`);
    const visitor = opened.link.actor;

    const page = await queryDataset(visitor, shared.datasetId, { sort: [{ column: "temp", direction: "desc" }], filters: [{ column: "temp", op: "range", min: 0 }] });
    expect(page.rows.map((r) => (Array.isArray(r) ? r[1] : (r as Record<string, unknown>).city))).toEqual(["Bergen", "Oslo"]);

    const download = await exportDataset(visitor, shared.datasetId, { format: "csv" });
    expect(await text(download.body)).toContain("Tromsø");

    expect((await failure(queryDataset(visitor, other.datasetId, {}))).code).toBe("not_found");
    expect((await failure(exportDataset(visitor, other.datasetId, { format: "csv" }))).code).toBe("not_found");
    expect((await failure(updateDataset(visitor, shared.datasetId, { name: "Hacked", slug: "weather" }))).code).toBe("forbidden");
  });
});
