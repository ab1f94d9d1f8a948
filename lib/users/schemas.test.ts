import { describe, expect, it } from "vitest";
import { emailSchema, usernameSchema } from "./schemas";
import { slugify, workspaceSlugSchema } from "@/lib/workspaces/schemas";
import { safeCallbackUrl } from "@/lib/auth/callback-url";

describe("input rules", () => {
  it.each([
    ["ann", true],
    ["Ann", true],
    ["a", false],
    ["-ann", false],
    ["ann_lee-2", true],
    ["admin", false],
    ["a".repeat(33), false],
    ["ann lee", false],
  ])("username %s valid=%s", (name, ok) => expect(usernameSchema.safeParse(name).success).toBe(ok));
  it("normalises e-mail to lowercase and rejects garbage", () => {
    expect(emailSchema.parse(" Ann@Example.com ")).toBe("ann@example.com");
    expect(emailSchema.safeParse("ann@").success).toBe(false);
  });
  it("slugs", () => {
    expect(slugify("Sales Data — Ünïcode 2026!")).toBe("sales-data-unicode-2026");
    expect(workspaceSlugSchema.safeParse("-x").success).toBe(false);
  });
  it("never follows a callback URL off-site", () => {
    expect(safeCallbackUrl("https://evil.example/x")).toBe("/");
    expect(safeCallbackUrl("//evil.example/x")).toBe("/");
    expect(safeCallbackUrl("/w/alice/sales?tab=1")).toBe("/w/alice/sales?tab=1");
  });
});
