import { spawn } from "node:child_process";
import { once } from "node:events";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "./client";
import { applyMigrations } from "./migrations/engine";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ds-immediate-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Another process (the CLI, a second server) that writes a user as soon as SQLite lets it. */
function otherWriter(file: string) {
  const script = `
    const Database = require("better-sqlite3");
    const db = new Database(process.argv[1], { timeout: 15000 });
    db.prepare("INSERT INTO User (id, email, createdAt, updatedAt) VALUES ('other', 'other@example.org', 0, 0)").run();
    db.close();`;
  return once(spawn(process.execPath, ["-e", script, file], { cwd: process.cwd(), stdio: "inherit" }), "exit");
}

describe("SQLite transactions next to another writer", () => {
  it("a transaction that reads and then writes is not broken by another process writing in between", async () => {
    const file = path.join(dir, "busy.db");
    await applyMigrations(`file:${file}`);
    const db = createDb(`file:${file}`);
    try {
      let other: Promise<unknown> = Promise.resolve();
      const result = await db.$transaction(async (tx) => {
        const before = await tx.user.count();
        // The other process tries to write while this transaction is open. With a deferred BEGIN
        // it succeeds at once and this transaction's write below fails (its snapshot is stale);
        // with BEGIN IMMEDIATE it waits for this transaction to commit.
        other = otherWriter(file);
        await Promise.race([other, sleep(2_000)]);
        await tx.user.create({ data: { email: "mine@example.org" } });
        return before;
      });
      await other;
      expect(result).toBe(0);
      expect(
        (await db.user.findMany({ select: { email: true }, orderBy: { email: "asc" } })).map((u) => u.email),
      ).toEqual(["mine@example.org", "other@example.org"]);
    } finally {
      await db.$disconnect();
    }
  });
});
