import { describe, expect, it } from "vitest";
import { createCast, failure } from "@/lib/catalog/test-support";
import { setupTestDatabase } from "@/test/db";
import { deleteSavedQuery, listSavedQueries, saveQuery, updateSavedQuery } from "./saved-queries";

setupTestDatabase();

describe("saved console queries", () => {
  it("are listed, renamed, updated and deleted by their owner only", async () => {
    const cast = await createCast();
    const first = await saveQuery(cast.owner, { name: "Revenue by city", sql: "SELECT 1" });
    await saveQuery(cast.owner, { name: "Row count", sql: "SELECT 2" });
    expect((await listSavedQueries(cast.owner)).map((q) => q.name).sort()).toEqual(["Revenue by city", "Row count"]);
    expect(await listSavedQueries(cast.editor)).toEqual([]);

    expect((await failure(saveQuery(cast.owner, { name: "Row count", sql: "SELECT 3" }))).code).toBe("conflict");
    expect((await failure(saveQuery(cast.owner, { name: "  ", sql: "SELECT 3" }))).code).toBe("invalid");
    expect((await failure(updateSavedQuery(cast.editor, first.id, { name: "Mine now" }))).code).toBe("not_found");
    expect((await failure(deleteSavedQuery(cast.editor, first.id))).code).toBe("not_found");

    const renamed = await updateSavedQuery(cast.owner, first.id, { name: "Revenue" });
    expect(renamed.name).toBe("Revenue");
    expect(renamed.sql).toBe("SELECT 1");
    expect((await updateSavedQuery(cast.owner, first.id, { sql: "SELECT 42" })).sql).toBe("SELECT 42");
    await deleteSavedQuery(cast.owner, first.id);
    expect((await listSavedQueries(cast.owner)).map((q) => q.name)).toEqual(["Row count"]);
  });
});
