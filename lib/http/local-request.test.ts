import { afterEach, describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER } from "./client-address";
import { FORWARDED_MARK_HEADER, isLocalRequest, listensBeyondLocalhost } from "./local-request";

const request = (socket: string | null, extra: Record<string, string> = {}) =>
  new Headers({ ...(socket ? { [CLIENT_ADDRESS_HEADER]: socket } : {}), ...extra });

afterEach(() => {
  delete process.env.TRUST_PROXY;
  delete process.env.DATASHELF_LISTEN_HOST;
});

describe("isLocalRequest", () => {
  it("is true only for a loopback socket address", () => {
    expect(isLocalRequest(request("127.0.0.1"))).toBe(true);
    expect(isLocalRequest(request("::1"))).toBe(true);
    expect(isLocalRequest(request("192.0.2.2"))).toBe(false);
    expect(isLocalRequest(request(null))).toBe(false);
    // a client cannot claim to be local with a header
    expect(isLocalRequest(request("192.0.2.2", { "x-forwarded-for": "127.0.0.1", "x-real-ip": "127.0.0.1" }))).toBe(
      false,
    );
  });

  it("treats a loopback connection that was forwarded for someone else as remote, unless TRUST_PROXY says whose it is", () => {
    expect(
      isLocalRequest(request("127.0.0.1", { [FORWARDED_MARK_HEADER]: "1", "x-forwarded-for": "203.0.113.5" })),
    ).toBe(false);
    // Next itself fills X-Forwarded-For in from the socket: that alone says nothing
    expect(isLocalRequest(request("127.0.0.1", { "x-forwarded-for": "127.0.0.1" }))).toBe(true);
    process.env.TRUST_PROXY = "1";
    expect(isLocalRequest(request("127.0.0.1", { "x-forwarded-for": "203.0.113.5" }))).toBe(false);
    expect(isLocalRequest(request("127.0.0.1", { "x-forwarded-for": "127.0.0.1" }))).toBe(true);
  });
});

describe("listensBeyondLocalhost", () => {
  it("is false only when our server says it listens on a loopback interface", () => {
    expect(listensBeyondLocalhost()).toBe(true);
    for (const host of ["127.0.0.1", "::1", "localhost"]) {
      process.env.DATASHELF_LISTEN_HOST = host;
      expect(listensBeyondLocalhost()).toBe(false);
    }
    for (const host of ["0.0.0.0", "::", "192.0.2.2"]) {
      process.env.DATASHELF_LISTEN_HOST = host;
      expect(listensBeyondLocalhost()).toBe(true);
    }
  });
});
