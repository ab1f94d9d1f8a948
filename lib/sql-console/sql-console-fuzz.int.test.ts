// Hostile console SQL: only one SELECT over granted datasets may run, and nothing may read or write a file.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createCast, createDataset, failure, setupCatalogStorage } from "@/lib/catalog/test-support";
import { setupTestDatabase } from "@/test/db";
import { parseDatasetRef } from "./dataset-ref";
import { resolveDatasets, runConsoleQuery, withConsoleSandbox } from "./run-console-query";

setupTestDatabase();
const storage = setupCatalogStorage();

const CANARY = path.join(os.tmpdir(), `datashelf-sql-canary-${process.pid}.csv`);
const WRITTEN = path.join(os.tmpdir(), `datashelf-sql-written-${process.pid}.csv`);

describe("the SQL console refuses what is not one read-only SELECT over granted datasets", () => {
  it("refuses every hostile query without reading or writing a file", async () => {
    fs.writeFileSync(CANARY, "secret\ncanary-value\n");
    const cast = await createCast();
    const { datasetId } = await createDataset(cast.owner, cast.workspace.id, "orders.csv", "id,amount\n1,10\n2,20\n");
    const other = await createCast();
    await createDataset(other.owner, other.workspace.id, "private.csv", "x\nhidden-value\n");
    const mine = `"${cast.workspace.owner}/${cast.workspace.slug}/orders"`;
    const theirs = `"${other.workspace.owner}/${other.workspace.slug}/private"`;
    const blobs = storage.blobDir();
    const parquetFiles = (fs.readdirSync(blobs, { recursive: true }) as string[])
      .map((f) => path.join(blobs, f))
      .filter((f) => fs.statSync(f).isFile());
    expect(parquetFiles.length).toBeGreaterThan(0);
    expect(datasetId).toBeTruthy();

    const hostile = [
      `SELECT * FROM read_csv('${CANARY}')`,
      `SELECT * FROM read_csv_auto('${CANARY}')`,
      `SELECT * FROM read_parquet('${parquetFiles[0]}')`,
      `SELECT * FROM read_text('/etc/passwd')`,
      `SELECT * FROM read_blob('/etc/passwd')`,
      `SELECT * FROM glob('/etc/*')`,
      `SELECT * FROM '${CANARY}'`,
      `SELECT * FROM '/etc/passwd'`,
      `SELECT * FROM "${parquetFiles[0]}"`,
      `SELECT * FROM ${mine} UNION ALL SELECT * FROM read_csv('${CANARY}')`,
      `SELECT (SELECT count(*) FROM read_csv('${CANARY}')) FROM ${mine}`,
      `WITH f AS (SELECT * FROM read_csv('${CANARY}')) SELECT * FROM f`,
      `SELECT * FROM query('SELECT * FROM read_csv(''${CANARY}'')')`,
      `SELECT * FROM query_table('x')`,
      `ATTACH '${path.join(os.tmpdir(), "x.db")}' AS x`,
      `COPY (SELECT 1) TO '${WRITTEN}'`,
      `COPY ${mine} TO '${WRITTEN}'`,
      `EXPORT DATABASE '${os.tmpdir()}'`,
      "PRAGMA database_list",
      "SET enable_external_access = true",
      "SET allowed_paths = ['/']",
      "RESET lock_configuration",
      "INSTALL httpfs",
      "LOAD httpfs",
      "CREATE TABLE t AS SELECT 1",
      "CREATE VIEW v AS SELECT 1",
      `DROP VIEW ${mine}`,
      `DELETE FROM ${mine}`,
      `INSERT INTO ${mine} VALUES (3, 30)`,
      `UPDATE ${mine} SET amount = 0`,
      `SELECT 1; COPY (SELECT 1) TO '${WRITTEN}'`,
      `SELECT 1; SELECT 2`,
      `SELECT 1 /* */; ATTACH 'x'`,
      `SELECT 1 -- \n; COPY (SELECT 1) TO '${WRITTEN}'`,
      `WITH w AS (DELETE FROM ${mine} RETURNING *) SELECT * FROM w`,
      `WITH w AS (INSERT INTO ${mine} VALUES (1, 1) RETURNING *) SELECT * FROM w`,
      `SELECT * FROM ${theirs}`,
      `SELECT * FROM ${mine} JOIN ${theirs} ON true`,
      `SELECT * FROM ${mine} WHERE id IN (SELECT 1 FROM ${theirs})`,
      "SELECT current_setting('allowed_paths')",
      "SELECT current_setting('temp_directory')",
      "SELECT getvariable('x')",
      "SELECT * FROM duckdb_settings()",
      "SELECT * FROM duckdb_views()",
      "SELECT * FROM information_schema.tables",
      "SELECT * FROM main.sqlite_master",
      "SELECT * FROM pragma_database_list()",
      "SELECT * FROM sqlite_master",
      "SELECT * FROM data",
      "CALL pragma_version()",
      "EXPLAIN ANALYZE SELECT 1",
      "DESCRIBE orders",
      "CHECKPOINT",
      "VACUUM",
      "",
      "   ;  ",
      "SELECT 'a\u0000b'",
    ];
    for (const sql of hostile) {
      const error = await failure(runConsoleQuery(cast.owner, { sql }));
      expect(["invalid", "not_found"], sql).toContain(error.code);
      expect(error.message, sql).not.toContain("canary-value");
      // A path the query itself wrote may be quoted back; no other server path may appear.
      if (!sql.includes(blobs)) expect(error.message, sql).not.toContain(blobs);
    }
    expect(fs.existsSync(WRITTEN)).toBe(false);

    // The granted dataset is still there and unchanged after all of it.
    const result = await runConsoleQuery(cast.owner, { sql: `SELECT sum(amount) FROM ${mine}` });
    expect(result.rows).toEqual([["30"]]);
  });

  it("refuses a dataset not granted with the same message as one that does not exist", async () => {
    const cast = await createCast();
    await createDataset(cast.owner, cast.workspace.id, "secret.csv", "x\n1\n");
    const ref = `${cast.workspace.owner}/${cast.workspace.slug}`;
    const denied = await failure(runConsoleQuery(cast.stranger, { sql: `SELECT * FROM "${ref}/secret"` }));
    const missing = await failure(runConsoleQuery(cast.stranger, { sql: `SELECT * FROM "${ref}/nothing"` }));
    expect(denied.code).toBe(missing.code);
    expect(denied.message.replace("secret", "?")).toBe(missing.message.replace("nothing", "?"));
  });

  it("the sandbox alone (parse check bypassed) still reads no other file and cannot widen its access", async () => {
    fs.writeFileSync(CANARY, "secret\ncanary-value\n");
    const cast = await createCast();
    await createDataset(cast.owner, cast.workspace.id, "orders.csv", "id,amount\n1,10\n");
    const datasets = await resolveDatasets(cast.owner, [
      parseDatasetRef(`${cast.workspace.owner}/${cast.workspace.slug}/orders`)!,
    ]);
    for (const sql of [
      `SELECT * FROM read_csv('${CANARY}')`,
      `SELECT * FROM '${CANARY}'`,
      `COPY (SELECT 1) TO '${WRITTEN}'`,
      "SET enable_external_access = true",
      "SET allowed_paths = ['/']",
      `ATTACH '${path.join(os.tmpdir(), `datashelf-sql-attach-${process.pid}.db`)}' AS x`,
      "INSTALL httpfs",
    ]) {
      const error = await failure(withConsoleSandbox(datasets, (connection) => connection.runAndReadAll(sql)));
      expect(error.message, sql).not.toContain("canary-value");
    }
    expect(fs.existsSync(WRITTEN)).toBe(false);
  });
});
