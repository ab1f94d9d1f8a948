import { describe, expect, it } from "vitest";
import { accountIdOf, linkActor } from "./actor";

describe("actors", () => {
  const link = {
    id: "l1",
    resourceType: "dataset",
    resourceId: "d1",
    workspaceId: "w1",
    allowDownload: true,
    purpose: "read" as const,
  };
  it("a public link's visitor has no account; a signed-in user through a link keeps theirs", () => {
    const visitor = linkActor(link);
    expect(visitor).toMatchObject({ kind: "link", link });
    expect(accountIdOf(visitor)).toBeNull();
    const viewer = linkActor(link, { id: "u1", email: "u@example.com", username: "u" });
    expect(accountIdOf(viewer)).toBe("u1");
    expect(viewer.link).toEqual(link);
  });
});
