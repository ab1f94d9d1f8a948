import { afterEach, describe, expect, it, vi } from "vitest";
import { cookieValue, sessionCookieName } from "./session-cookie";

describe("the session cookie", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("is next-auth's name: __Secure- prefixed exactly when the app is served over https", () => {
    vi.stubEnv("NEXTAUTH_URL", "https://data.example.com");
    expect(sessionCookieName()).toBe("__Secure-next-auth.session-token");
    vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
    expect(sessionCookieName()).toBe("next-auth.session-token");
  });

  it("reads one cookie out of a Cookie header, decoded; absent, empty or undecodable gives nothing", () => {
    const header = "a=1; next-auth.session-token=ab%2Bc; __Secure-next-auth.session-token=zz";
    expect(cookieValue(header, "next-auth.session-token")).toBe("ab+c");
    expect(cookieValue(header, "__Secure-next-auth.session-token")).toBe("zz");
    expect(cookieValue("x-next-auth.session-token=1", "next-auth.session-token")).toBeUndefined();
    expect(cookieValue("next-auth.session-token=%E0%A4%A", "next-auth.session-token")).toBeUndefined();
    expect(cookieValue(null, "next-auth.session-token")).toBeUndefined();
  });
});
