import { afterEach, describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER, clientAddress, isLoopback } from "./client-address";

const from = (socket: string, extra: Record<string, string> = {}) =>
  new Headers({ [CLIENT_ADDRESS_HEADER]: socket, ...extra });

afterEach(() => {
  delete process.env.TRUST_PROXY;
});

describe("clientAddress", () => {
  it("is the socket address, whatever X-Real-IP or X-Forwarded-For the client sends", () => {
    const seen = new Set(
      Array.from({ length: 5 }, (_, i) =>
        clientAddress(from("198.51.100.7", { "x-real-ip": `10.9.9.${i}`, "x-forwarded-for": `10.8.8.${i}` })),
      ),
    );
    expect([...seen]).toEqual(["198.51.100.7"]);
    expect(clientAddress(from("::ffff:127.0.0.1"))).toBe("127.0.0.1");
  });

  it("without TRUST_PROXY never reads a forwarded header, even when no socket address is known", () => {
    expect(clientAddress(new Headers({ "x-real-ip": "10.1.1.1", "x-forwarded-for": "10.2.2.2" }))).toBe("unknown");
  });

  it("with TRUST_PROXY=<n> takes the n-th X-Forwarded-For entry from the right (the left ones are client-written)", () => {
    process.env.TRUST_PROXY = "1";
    expect(clientAddress(from("10.0.0.2", { "x-forwarded-for": "1.2.3.4, 203.0.113.9" }))).toBe("203.0.113.9");
    process.env.TRUST_PROXY = "2";
    expect(clientAddress(from("10.0.0.2", { "x-forwarded-for": "1.2.3.4, 203.0.113.9, 10.0.0.1" }))).toBe(
      "203.0.113.9",
    );
  });
});

describe("isLoopback", () => {
  it("accepts 127/8, ::1 and mapped loopback only", () => {
    for (const a of ["127.0.0.1", "127.4.5.6", "::1", "::ffff:127.0.0.1"]) expect(isLoopback(a)).toBe(true);
    for (const a of ["192.0.2.2", "fd00::2", "unknown", "", null, "1127.0.0.1", "localhost"])
      expect(isLoopback(a)).toBe(false);
  });
});
