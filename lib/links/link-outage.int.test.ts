import { describe, expect, it, vi } from "vitest";
import { createUser } from "@/lib/users/create-user";
import { toFailure } from "@/lib/util/result";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { setupTestDatabase } from "@/test/db";
import { createAccessLink } from "./manage-links";
import { openAccessLink } from "./open-link";

setupTestDatabase();

// The database fails while the linked resource is loaded (the link row itself was read).
const outage = vi.hoisted(() => ({ on: false }));
vi.mock("@/lib/sharing/shared-resource", async (original) => {
  const actual = await original<typeof import("@/lib/sharing/shared-resource")>();
  return {
    ...actual,
    loadSharedResource: (...args: Parameters<typeof actual.loadSharedResource>) =>
      outage.on
        ? Promise.reject(Object.assign(new Error("unable to open database file"), { code: "SQLITE_CANTOPEN" }))
        : actual.loadSharedResource(...args),
  };
});

describe("an access link while the database fails", () => {
  it("is an outage (503), not 'this link is not available', which a visitor would read as revoked", async () => {
    const alice = await createUser({ email: "alice@example.com", username: "alice" });
    const workspace = await createWorkspace(alice, { name: "Sales", slug: "sales" });
    const link = await createAccessLink(alice, { resourceType: "workspace", resourceId: workspace.id });
    const options = { client: "10.0.0.1", viewer: null, cookies: () => undefined };
    expect(await openAccessLink(link.token, options)).toMatchObject({ status: "ok" });

    outage.on = true;
    try {
      const error = await openAccessLink(link.token, options).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).not.toBeNull();
      expect(toFailure(error)).toMatchObject({ code: "unavailable" });
    } finally {
      outage.on = false;
    }
    // Nothing was counted against the visitor for the server's failure.
    expect(await openAccessLink(link.token, options)).toMatchObject({ status: "ok" });
  });
});
