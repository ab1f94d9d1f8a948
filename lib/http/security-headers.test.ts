import { afterEach, describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, pageSecurityHeaders } from "./security-headers";

afterEach(() => {
  delete process.env.APP_URL;
});

describe("page security headers", () => {
  it("allow scripts only with this response's nonce and forbid framing", () => {
    const nonce = newNonce();
    expect(nonce).not.toBe(newNonce());
    const csp = contentSecurityPolicy(nonce);
    expect(csp).toContain(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
  });

  it("send HSTS only when APP_URL is https", () => {
    process.env.APP_URL = "http://localhost:3000";
    expect(pageSecurityHeaders("n")).not.toHaveProperty("Strict-Transport-Security");
    process.env.APP_URL = "https://data.example.com";
    const headers = pageSecurityHeaders("n");
    expect(headers["Strict-Transport-Security"]).toMatch(/^max-age=\d+/);
    expect(headers["Permissions-Policy"]).toContain("camera=()");
  });
});
