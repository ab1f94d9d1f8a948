import { spawnSync } from "node:child_process";
import path from "node:path";
import { expect, it } from "vitest";

const root = path.resolve(__dirname, "..");

it("npm start refuses to start, naming the setting, when a numeric limit is not a number", () => {
  const run = spawnSync(
    process.execPath,
    ["--import", "tsx", "--import", "./scripts/server-only-hook.mjs", "scripts/start-prepare.mjs"],
    {
      cwd: root,
      // No database is touched: the check runs before migrations (the URL would fail if it were reached).
      env: { ...process.env, LINK_MAX_FAILURES: "ten", DATABASE_URL: "file:/nonexistent/dir/db.sqlite" },
      encoding: "utf8",
      timeout: 60_000,
    },
  );
  expect(run.status).toBe(1);
  expect(run.stderr).toContain('LINK_MAX_FAILURES must be a whole number of failures, at least 1; got "ten".');
  expect(run.stderr).not.toMatch(/migrat/i);
});

it("npm start refuses to start, naming the setting, when the Parquet compression is not one it knows", () => {
  const run = spawnSync(
    process.execPath,
    ["--import", "tsx", "--import", "./scripts/server-only-hook.mjs", "scripts/start-prepare.mjs"],
    {
      cwd: root,
      env: {
        ...process.env,
        CATALOG_PARQUET_COMPRESSION: "zstd); COPY x",
        DATABASE_URL: "file:/nonexistent/dir/db.sqlite",
      },
      encoding: "utf8",
      timeout: 60_000,
    },
  );
  expect(run.status).toBe(1);
  expect(run.stderr).toContain(
    'CATALOG_PARQUET_COMPRESSION="zstd); COPY x" is not one of lz4_raw, zstd, snappy, uncompressed',
  );
  expect(run.stderr).not.toMatch(/migrat/i);
});
