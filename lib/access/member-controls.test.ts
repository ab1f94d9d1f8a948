import { describe, expect, it } from "vitest";
import { memberControls } from "./member-controls";

describe("member list controls", () => {
  const owner = { userId: "o", role: "owner" };
  const other = { userId: "m", role: "member" };
  it("never offers to change or remove the owner, even to the owner", () => {
    expect(memberControls({ id: "o", role: "owner" }, owner)).toEqual({ changeRole: false, remove: false });
  });
  it("lets managers change and remove others, and anyone leave", () => {
    expect(memberControls({ id: "a", role: "manager" }, other)).toEqual({ changeRole: true, remove: true });
    expect(memberControls({ id: "x", role: "editor" }, other)).toEqual({ changeRole: false, remove: false });
    expect(memberControls({ id: "m", role: "editor" }, other)).toEqual({ changeRole: false, remove: true });
    expect(memberControls({ id: "g", role: null }, other)).toEqual({ changeRole: false, remove: false });
  });
});
