import http from "node:http";
import type { AddressInfo } from "node:net";

export type FakeResendRequest = { key: string | null; to: string; subject: string; html: string; answered: boolean };

/**
 * A local stand-in for Resend's POST /emails, for tests only (the integration tests and the e2e
 * crash spec). Like Resend it answers `{ id }` after a delay and deduplicates by Idempotency-Key
 * (for 24 h there; for its lifetime here): a repeated key gets the first answer and delivers
 * nothing new, so tests can count both requests and distinct deliveries. `onRequest` runs as each
 * request arrives, before it is answered, so a test can kill the sender while one is in flight.
 */
export async function startFakeResend({ delayMs = 0 }: { delayMs?: number } = {}) {
  const requests: FakeResendRequest[] = [];
  const delivered = new Map<string, { id: string; to: string }>(); // idempotency key (or a fresh id) → what the recipient got
  let counter = 0;
  let onRequest: ((request: FakeResendRequest) => void) | undefined;
  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk) => (raw += chunk));
    req.on("end", () => {
      if (req.method !== "POST" || req.url !== "/emails") {
        res.writeHead(404).end();
        return;
      }
      const body = JSON.parse(raw) as { to: string | string[]; subject: string; html: string };
      const key = (req.headers["idempotency-key"] as string | undefined) ?? null;
      const request: FakeResendRequest = {
        key,
        to: [body.to].flat()[0]!.toLowerCase(),
        subject: body.subject,
        html: body.html,
        answered: false,
      };
      requests.push(request);
      onRequest?.(request);
      setTimeout(() => {
        // A sender that died meanwhile does not hear the answer, but Resend got the message: it counts.
        const dedupeKey = key ?? `no-key-${++counter}`;
        let delivery = delivered.get(dedupeKey);
        if (!delivery) {
          delivery = { id: `re_${++counter}`, to: request.to };
          delivered.set(dedupeKey, delivery);
        }
        request.answered = true;
        if (!res.destroyed)
          res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ id: delivery.id }));
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    /** What recipients would receive: one entry per distinct message the provider accepted. */
    deliveries: () => [...delivered.values()],
    onRequest: (hook: ((request: FakeResendRequest) => void) | undefined) => void (onRequest = hook),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
