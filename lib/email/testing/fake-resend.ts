import http from "node:http";
import type { AddressInfo } from "node:net";

export type FakeResendRequest = { key: string | null; to: string; subject: string; html: string };

/**
 * A local stand-in for Resend's POST /emails, for tests only. Like Resend it answers after a
 * delay and deduplicates by Idempotency-Key (a repeated key returns the first answer and
 * delivers nothing new), so tests can count both requests and distinct deliveries.
 */
export async function startFakeResend({ delayMs = 0 }: { delayMs?: number } = {}) {
  const requests: FakeResendRequest[] = [];
  const delivered = new Map<string, string>(); // idempotency key (or a fresh id) → message id
  let counter = 0;
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
      requests.push({ key, to: [body.to].flat()[0]!, subject: body.subject, html: body.html });
      setTimeout(() => {
        const dedupeKey = key ?? `no-key-${counter}`;
        let id = delivered.get(dedupeKey);
        if (!id) {
          id = `re_${++counter}`;
          delivered.set(dedupeKey, id);
        }
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ id }));
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    /** Distinct messages the provider accepted (what recipients would receive). */
    deliveries: () => delivered.size,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
