import { describe, expect, it } from "vitest";
import { splitSqlStatements } from "./sql-script";

describe("splitSqlStatements (a migration's statements, for PostgreSQL)", () => {
  it("splits at the semicolons that end statements", () => {
    expect(
      splitSqlStatements(`-- CreateTable\nCREATE TABLE "A" ("id" INTEGER);\n\nCREATE INDEX "i" ON "A"("id");\n`),
    ).toEqual([`-- CreateTable\nCREATE TABLE "A" ("id" INTEGER)`, `CREATE INDEX "i" ON "A"("id")`]);
  });

  it("keeps a function's dollar-quoted body whole, and semicolons in strings, names and comments", () => {
    const fn = `CREATE FUNCTION "f"() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n  UPDATE "V" SET "v" = "v" + 1;\n  RETURN NULL;\nEND;\n$$`;
    const tagged = `DO $body$ BEGIN PERFORM 1; END $body$`;
    const quoted = `INSERT INTO "a;b" VALUES ('x;y', 'it''s; fine')`;
    const commented = `/* a; b */ SELECT 1`;
    expect(splitSqlStatements(`${fn};\n${tagged};\n${quoted};\n-- note; here\n${commented};`)).toEqual([
      fn,
      tagged,
      quoted,
      `-- note; here\n${commented}`,
    ]);
  });

  it("knows tags with digits, a $ inside a name, and escape strings", () => {
    const tagged = `DO $body1$ BEGIN PERFORM 1; END $body1$`;
    const named = `SELECT a$b FROM "t"`;
    const escaped = `SELECT E'it\\'s; fine', e'\\\\'`;
    expect(splitSqlStatements(`${tagged};${named};${escaped};SELECT 2`)).toEqual([tagged, named, escaped, "SELECT 2"]);
  });

  it("leaves out empty statements and a trailing comment", () => {
    expect(splitSqlStatements(`SELECT 1;;\n-- the end\n`)).toEqual(["SELECT 1"]);
  });
});
