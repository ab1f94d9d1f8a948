import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { CLIENT_ADDRESS_HEADER } from "@/lib/http/client-address";
import { POST } from "./auth-route";
import { reserveSignInMail } from "./sign-in-limits";

const { db } = setupTestDatabase();

async function outcome(email: string, client: string, now?: Date): Promise<"sent" | "limited"> {
  try {
    await reserveSignInMail({ email, client }, now);
    return "sent";
  } catch (error) {
    if ((error as { code?: string }).code === "rate_limited") return "limited";
    throw error;
  }
}

function signInRequest(email: string, client: string): Request {
  return new Request("http://localhost:3000/api/auth/signin/email", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", [CLIENT_ADDRESS_HEADER]: client },
    body: new URLSearchParams({ email, csrfToken: "x", callbackUrl: "/", json: "true" }),
  });
}
const context = { params: Promise.resolve({ nextauth: ["signin", "email"] }) };

describe("sign-in e-mail limits", () => {
  it("lets 30 simultaneous requests for one address send at most 5 sign-in e-mails", async () => {
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => outcome("victim@example.com", `10.0.0.${i}`)),
    );
    expect(results.filter((r) => r === "sent")).toHaveLength(5);
  });

  it("counts every spelling of an address together and leaves other addresses alone", async () => {
    for (let i = 0; i < 5; i++)
      expect(await outcome(i % 2 ? "Mia@Example.com " : "mia@example.com", `10.1.0.${i}`)).toBe("sent");
    expect(await outcome("MIA@EXAMPLE.COM", "10.1.0.9")).toBe("limited");
    expect(await outcome("noah@example.com", "10.1.0.9")).toBe("sent");
  });

  it("limits one client across many addresses (default 20 per 15 minutes), not other clients", async () => {
    const results = [];
    for (let i = 0; i < 21; i++) results.push(await outcome(`spray${i}@example.com`, "198.51.100.7"));
    expect(results.slice(0, 20).every((r) => r === "sent")).toBe(true);
    expect(results[20]).toBe("limited");
    expect(await outcome("spray21@example.com", "198.51.100.8")).toBe("sent");
  });

  it("does not pool clients of unknown address into one bucket that anyone could fill", async () => {
    for (let i = 0; i < 25; i++) expect(await outcome(`anon${i}@example.com`, "unknown")).toBe("sent");
  });

  it("opens again after the window", async () => {
    const start = new Date();
    for (let i = 0; i < 5; i++) await outcome("olga@example.com", `10.2.0.${i}`, start);
    expect(await outcome("olga@example.com", "10.2.0.9", new Date(start.getTime() + 14 * 60_000))).toBe("limited");
    expect(await outcome("olga@example.com", "10.2.0.9", new Date(start.getTime() + 15 * 60_000 + 1))).toBe("sent");
  });

  it("follows SIGNIN_MAIL_PER_ADDRESS", async () => {
    process.env.SIGNIN_MAIL_PER_ADDRESS = "2";
    try {
      expect([
        await outcome("pia@example.com", "10.3.0.1"),
        await outcome("pia@example.com", "10.3.0.2"),
        await outcome("pia@example.com", "10.3.0.3"),
      ]).toEqual(["sent", "sent", "limited"]);
    } finally {
      delete process.env.SIGNIN_MAIL_PER_ADDRESS;
    }
  });

  it("answers POST /api/auth/signin/email over the limit with 429, Retry-After and next-auth's error url, and queues no mail", async () => {
    for (let i = 0; i < 5; i++) await reserveSignInMail({ email: "quinn@example.com", client: `10.4.0.${i}` });
    const response = await POST(signInRequest("Quinn@example.com", "10.4.0.9"), context);
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(800);
    const body = (await response.json()) as { url: string; code: string; message: string };
    expect(new URL(body.url).searchParams.get("error")).toBe("RateLimited");
    expect(body.code).toBe("rate_limited");
    expect(body.message).toMatch(/too many sign-in e-mails/i);
    expect(await db().outbox.count({ where: { to: "quinn@example.com" } })).toBe(0);
  });
});
