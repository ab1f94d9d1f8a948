import { describe, expect, it } from "vitest";
import { newToken } from "@/lib/util/tokens";
import { isTokenLink, REDACTED_LINK, redactTokenLinks } from "./redact";

describe("token links in stored e-mail", () => {
  const invitation = `https://data.example.com/invite/${newToken("inv").token}`;
  const signIn =
    "https://data.example.com/api/auth/callback/email?callbackUrl=%2F&token=3f9a8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b&email=a%40b.c";
  const page = "https://data.example.com/w/alice/sales/datasets/cm3abcdefghijklmnopqrstuv";

  it("recognises sign-in, invitation and access-link tokens, and leaves page links alone", () => {
    expect(isTokenLink(signIn)).toBe(true);
    expect(isTokenLink(invitation)).toBe(true);
    expect(isTokenLink(`https://data.example.com/s/${newToken("lnk").token}`)).toBe(true);
    expect(isTokenLink(page)).toBe(false);
  });

  it("removes every token link from HTML (with &amp;) and plain text, keeping the rest", () => {
    const html = `<a href="${signIn.replaceAll("&", "&amp;")}">Sign in</a> <a href="${invitation}">Join</a> <a href="${page}">Open</a>`;
    const text = `Sign in: ${signIn}\nJoin: ${invitation}\nOpen: ${page}`;
    for (const body of [html, text]) {
      const redacted = redactTokenLinks(body);
      expect(redacted).not.toContain("token=");
      expect(redacted).not.toContain("inv_");
      expect(redacted).toContain(page);
      expect(redacted.split(REDACTED_LINK)).toHaveLength(3);
    }
  });
});
