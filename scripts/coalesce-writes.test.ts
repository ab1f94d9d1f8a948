import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { coalesceResponseWrites } from "./coalesce-writes.mjs";

/** The writes that reached the socket's handle (each one a syscall, on loopback a TCP segment). */
function countHandleWrites(socket: Socket): { count: number } {
  const seen = { count: 0 };
  const s = socket as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const name of ["_write", "_writev"]) {
    const original = s[name]!;
    s[name] = function (this: unknown, ...args: unknown[]) {
      seen.count++;
      return original.apply(this, args);
    };
  }
  return seen;
}

let server: http.Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
  server = undefined;
});

/** A server whose handler answers as Next does (head flushed first, then chunks), with or without coalescing. */
async function serve(coalesce: boolean, answer: (res: http.ServerResponse) => void) {
  const writes: { count: number }[] = [];
  server = http.createServer((_req, res) => {
    writes.push(countHandleWrites(res.socket!));
    if (coalesce) coalesceResponseWrites(res);
    answer(res);
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, writes };
}

const nextLike = (res: http.ServerResponse) => {
  res.writeHead(200, { "Content-Type": "application/json" });
  res.flushHeaders();
  void Promise.resolve().then(() => {
    res.write('{"rows":[1,2,3]');
    void Promise.resolve().then(() => res.end("}"));
  });
};

describe("one write per small answer (scripts/server.mjs)", () => {
  it("sends the head, the body and the closing chunk of an answer ready at once in one write", async () => {
    const { url, writes } = await serve(true, nextLike);
    const res = await fetch(url);
    expect(await res.text()).toBe('{"rows":[1,2,3]}');
    expect(writes[0]!.count).toBe(1);
  });

  it("(the same answer without it takes two writes or more)", async () => {
    const { url, writes } = await serve(false, nextLike);
    expect(await (await fetch(url)).text()).toBe('{"rows":[1,2,3]}');
    expect(writes[0]!.count).toBeGreaterThan(1);
  });

  it("does not hold back what a streamed answer writes later: the client reads the first part before the rest exists", async () => {
    let finish = () => {};
    const { url } = await serve(true, (res) => {
      res.writeHead(200, { "Content-Type": "text/plain" });
      res.write("first part");
      finish = () => res.end(", last part");
    });
    const res = await fetch(url);
    const reader = res.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe("first part");
    finish();
    let rest = "";
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read())
      rest += new TextDecoder().decode(chunk.value);
    expect(rest).toBe(", last part");
  });
});
