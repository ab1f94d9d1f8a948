import { describe, expect, it } from "vitest";
import { isLoopbackHost, listenHost } from "./listen-host.mjs";

describe("the server's listening interface", () => {
  it("is localhost by default, and a machine name in HOSTNAME (set by shells and containers) does not change that", () => {
    expect(listenHost({})).toBe("127.0.0.1");
    expect(listenHost({ HOSTNAME: "vm" })).toBe("127.0.0.1");
    expect(listenHost({ HOSTNAME: "3f2a9c1b7d4e" })).toBe("127.0.0.1");
  });

  it("is what the operator sets: an address in HOSTNAME, anything in DATASHELF_HOST", () => {
    expect(listenHost({ HOSTNAME: "0.0.0.0" })).toBe("0.0.0.0");
    expect(listenHost({ HOSTNAME: "::" })).toBe("::");
    expect(listenHost({ HOSTNAME: "vm", DATASHELF_HOST: "app.internal" })).toBe("app.internal");
    expect(isLoopbackHost("127.0.0.1")).toBe(true);
    expect(isLoopbackHost("[::1]")).toBe(true);
    expect(isLoopbackHost("0.0.0.0")).toBe(false);
  });
});
