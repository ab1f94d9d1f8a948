import { describe, expect, it } from "vitest";
import { UNCOMPRESSED_MAX_BYTES, noStoreJson } from "./responses";

describe("noStoreJson", () => {
  it("sends small JSON with no-transform, so the server does not gzip it; larger JSON as before; never cached", async () => {
    const small = noStoreJson({ rows: [1, 2, 3] }, { status: 201, headers: { "X-Extra": "1" } });
    expect(small.status).toBe(201);
    expect(small.headers.get("cache-control")).toBe("private, no-store, no-transform");
    expect(small.headers.get("content-type")).toBe("application/json");
    expect(small.headers.get("x-extra")).toBe("1");
    expect(await small.json()).toEqual({ rows: [1, 2, 3] });

    const large = noStoreJson({ text: "x".repeat(UNCOMPRESSED_MAX_BYTES) });
    expect(large.headers.get("cache-control")).toBe("private, no-store");
    expect(((await large.json()) as { text: string }).text).toHaveLength(UNCOMPRESSED_MAX_BYTES);
  });
});
