import net from "node:net";
import { expect, test } from "@playwright/test";

/** One HEAD request on the socket; resolves with the status line once the headers have arrived. */
function head(socket: net.Socket, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let received = "";
    const onData = (chunk: Buffer) => {
      received += chunk.toString("latin1");
      if (!received.includes("\r\n\r\n")) return;
      socket.off("data", onData);
      resolve(received.split("\r\n")[0]!);
    };
    socket.on("data", onData);
    socket.once("error", reject);
    socket.write(`HEAD /favicon.ico HTTP/1.1\r\nHost: ${host}\r\nConnection: keep-alive\r\n\r\n`);
  });
}

test("an idle keep-alive connection stays open past Node's 5 s default, so a client reusing it is answered", async ({
  baseURL,
}) => {
  test.setTimeout(30_000);
  const url = new URL(baseURL!);
  const socket = net.connect(Number(url.port), url.hostname);
  await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("error", reject));
  let closedBy: string | null = null;
  socket.once("end", () => (closedBy = "server"));
  try {
    expect(await head(socket, url.host)).toMatch(/^HTTP\/1\.1 200/);
    await new Promise((resolve) => setTimeout(resolve, 7_000));
    expect(closedBy, "the server closed the idle connection").toBeNull();
    expect(await head(socket, url.host)).toMatch(/^HTTP\/1\.1 200/);
  } finally {
    socket.destroy();
  }
});
