import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { person } from "./test-support";
import { shareResource } from "./share-resource";
import { pageSharedByMe } from "./shared-lists";

setupTestDatabase();

// The page passes ?type= and ?grantee= through as typed; resource and grantee types are enum columns, so the
// service narrows the text to them. A value outside them means "no such grants", as it did when they were text.
describe("Shared by me filters", () => {
  it("narrow by resource and grantee type, and a type no grant can have lists nothing", async () => {
    const alice = await person("alice");
    const bob = await person("bob");
    const w = await createWorkspace(alice, { name: "filters", slug: "filters" });
    await shareResource(alice, "workspace", w.id, { grantees: [bob.username!], role: "viewer" });

    const count = async (filter: Parameters<typeof pageSharedByMe>[1]) =>
      (await pageSharedByMe(alice, filter, 10)).items.length;
    expect(await count({})).toBe(1);
    expect(await count({ resourceType: "workspace" })).toBe(1);
    expect(await count({ resourceType: "dataset" })).toBe(0);
    expect(await count({ granteeType: "user" })).toBe(1);
    expect(await count({ granteeType: "email" })).toBe(0);
    expect(await pageSharedByMe(alice, { resourceType: "spreadsheet" }, 10)).toEqual({ items: [], hasMore: false });
    expect(await pageSharedByMe(alice, { granteeType: "robot" }, 10)).toEqual({ items: [], hasMore: false });
  });
});
