import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { statusOf } from "@/lib/util/result";
import { setupTestDatabase } from "@/test/db";
import { exportDataset } from "./export-dataset";
import { createCast, createDataset, failure, prepare, setupCatalogStorage } from "./test-support";

setupTestDatabase();
const storage = setupCatalogStorage();

/**
 * A real full disk: the catalog's scratch folder becomes a 64 KB tmpfs. Mounting needs root
 * (as in CI and on these machines); elsewhere the test cannot run and says so.
 */
let mounted = false;
beforeAll(() => {
  fs.mkdirSync(storage.scratch(), { recursive: true });
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", storage.scratch()], { stdio: "ignore" });
    mounted = true;
  } catch {
    console.warn("disk-full.int.test.ts: cannot mount a tmpfs here (needs root); skipped");
  }
});
afterAll(() => {
  if (mounted) execFileSync("umount", [storage.scratch()]);
});

// Random text compresses badly, so its Parquet does not fit in 64 KB.
const ROWS = Array.from(
  { length: 20000 },
  (_, i) => `${i},${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`,
).join("\n");

describe("a full disk (reliability 13.5)", () => {
  it("answers 507 with a plain message, not 422 blaming the file, when a conversion runs out of space", async (context) => {
    if (!mounted) context.skip();
    const { owner, workspace } = await createCast();
    const result = await failure(prepare(owner, workspace.id, "random.csv", `id,text\n${ROWS}\n`));
    expect(result).toMatchObject({
      code: "insufficient_storage",
      message:
        "The server ran out of storage space while converting the file. Nothing was changed; try again later, and tell the administrator if it keeps happening.",
    });
    expect(statusOf(result)).toBe(507);
    expect(result.message).not.toContain(storage.dir());
    expect(await getDb().datasetIngest.count()).toBe(0);
  });

  it("answers 507 when an export runs out of space", async (context) => {
    if (!mounted) context.skip();
    const { owner, workspace } = await createCast();
    // The dataset is created while the scratch space has room (its blob lives elsewhere).
    execFileSync("umount", [storage.scratch()]);
    mounted = false;
    const { datasetId } = await createDataset(owner, workspace.id, "random.csv", `id,text\n${ROWS}\n`);
    fs.rmSync(storage.scratch(), { recursive: true, force: true });
    fs.mkdirSync(storage.scratch(), { recursive: true });
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", storage.scratch()]);
    mounted = true;
    const result = await failure(exportDataset(owner, datasetId, { format: "csv" }));
    expect(result).toMatchObject({
      code: "insufficient_storage",
      message:
        "The server ran out of storage space while preparing the download. Nothing was changed; try again later, and tell the administrator if it keeps happening.",
    });
    expect(statusOf(result)).toBe(507);
    expect(fs.readdirSync(storage.scratch()).filter((f) => f.startsWith("export-"))).toEqual([]);
  });
});
