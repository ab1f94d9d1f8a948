import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./callback-url";

describe("safeCallbackUrl", () => {
  it("keeps a deep link with encoded characters and a query string as it was asked for", () => {
    expect(safeCallbackUrl("/w/alice/sales/files/Board%20pack%20Q3?sort=name&dir=desc")).toBe(
      "/w/alice/sales/files/Board%20pack%20Q3?sort=name&dir=desc",
    );
  });

  it("accepts an absolute URL on the app's own origin as its path", () => {
    expect(safeCallbackUrl("https://data.example.com/w/alice/sales?x=1", "https://data.example.com")).toBe(
      "/w/alice/sales?x=1",
    );
  });

  it.each<[string, string, string?]>([
    ["protocol-relative", "//evil.example"],
    ["protocol-relative with a path", "//evil.example/w/alice"],
    ["absolute on another origin", "https://evil.example"],
    ["backslash read as a slash", "/\\evil.example"],
    ["dot segment collapsing to //", "/.//evil.example/x"],
    ["tab inside //", "/\t/evil.example"],
    ["javascript: URL", "javascript:alert(1)"],
    ["another port of the app host", "https://data.example.com:8443/w", "https://data.example.com"],
  ])("never leaves the app: %s", (_, value, origin) => {
    const target = safeCallbackUrl(value, origin);
    expect(target).toBe("/");
    expect(new URL(target, "https://data.example.com").origin).toBe("https://data.example.com");
  });

  it("drops Next's internal _rsc parameter but keeps the page's own query", () => {
    expect(safeCallbackUrl("/w/alice/sales/files?sort=size&_rsc=1x2y")).toBe("/w/alice/sales/files?sort=size");
  });
});
