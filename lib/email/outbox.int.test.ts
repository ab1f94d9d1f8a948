import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { sendSignInEmail } from "@/lib/auth/send-sign-in-email";
import type { OutboxStatus } from "@/lib/db";
import { acquireLease, releaseLease } from "@/lib/db/lease";
import { deliverDueEmails, kickOutbox } from "./sender";
import { listMailbox } from "./mailbox";
import { enqueueEmail } from "./outbox";
import { startFakeResend } from "./testing/fake-resend";
import { REDACTED_LINK } from "./redact";
import { purgeOldMail } from "./retention";

const { db } = setupTestDatabase();

describe("local mailbox", () => {
  it("delivers sign-in e-mail into the local mailbox with its link", async () => {
    await sendSignInEmail({
      to: "zoe@example.com",
      url: "http://localhost:3000/api/auth/callback/email?token=abc&email=zoe%40example.com",
    });
    const [message] = await listMailbox({ to: "ZOE@example.com" });
    expect(message).toMatchObject({ subject: "Sign in to Datashelf", status: "sent", kind: "sign-in" });
    expect(message!.links).toContain("http://localhost:3000/api/auth/callback/email?token=abc&email=zoe%40example.com");
    expect(message!.text).toMatch(/expires in 15 minutes/);
  });
});

describe("outbox retention", () => {
  const DAY = 86_400_000;
  async function queued(to: string, status: OutboxStatus, daysAgo: number) {
    const createdAt = new Date(Date.now() - daysAgo * DAY);
    // Due far ahead, so later tests' sender runs leave it alone.
    await db().outbox.create({
      data: {
        to,
        subject: "s",
        html: "h",
        text: "t",
        kind: "share",
        status,
        createdAt,
        nextAttemptAt: new Date(Date.now() + 365 * DAY),
      },
    });
  }

  it("deletes sent and failed mail after OUTBOX_RETENTION_DAYS (default 30) and keeps mail still to send", async () => {
    await queued("old-sent@example.com", "sent", 31);
    await queued("old-failed@example.com", "failed", 31);
    await queued("old-pending@example.com", "pending", 31);
    await queued("recent-sent@example.com", "sent", 29);
    await purgeOldMail(new Date(), { force: true });
    const left = (await db().outbox.findMany({ where: { to: { contains: "-" } }, select: { to: true } }))
      .map((r) => r.to)
      .sort();
    expect(left).toEqual(["old-pending@example.com", "recent-sent@example.com"]);

    process.env.OUTBOX_RETENTION_DAYS = "7";
    try {
      await purgeOldMail(new Date(), { force: true });
      expect(await listMailbox({ to: "recent-sent@example.com" })).toHaveLength(0);
    } finally {
      delete process.env.OUTBOX_RETENTION_DAYS;
    }
  });
});

describe("outbox lease", () => {
  it("lets one holder at a time take a lease", async () => {
    const results = await Promise.all([acquireLease("t", 10_000, "a"), acquireLease("t", 10_000, "b")]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const winner = results[0] ? "a" : "b";
    await releaseLease("t", winner);
    expect(await acquireLease("t", 10_000, winner === "a" ? "b" : "a")).toBe(true);
  });

  it("is not re-entrant: a holder that has the lease cannot start a second run under it", async () => {
    expect(await acquireLease("r", 10_000, "same")).toBe(true);
    expect(await acquireLease("r", 10_000, "same")).toBe(false);
    await releaseLease("r", "same");
    expect(await acquireLease("r", 10_000, "same")).toBe(true);
  });
});

describe("Resend delivery with retries", () => {
  let server: http.Server;
  const requests: { auth?: string; body: { to: string | string[]; subject: string; html: string } }[] = [];
  let failuresLeft = 2;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let raw = "";
      req.on("data", (c) => (raw += c));
      req.on("end", () => {
        if (req.method !== "POST" || req.url !== "/emails") {
          res.writeHead(404).end();
          return;
        }
        requests.push({ auth: req.headers.authorization, body: JSON.parse(raw) });
        if (failuresLeft-- > 0) {
          res
            .writeHead(500, { "content-type": "application/json" })
            .end(JSON.stringify({ name: "internal_server_error", message: "down", statusCode: 500 }));
          return;
        }
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ id: "re_msg_123" }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    process.env.RESEND_API_KEY = "re_test_key";
    process.env.RESEND_BASE_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    delete process.env.RESEND_API_KEY;
    delete process.env.RESEND_BASE_URL;
    server.close();
  });

  it("keeps the sign-in e-mail when the provider fails and delivers it on a later attempt", async () => {
    await sendSignInEmail({ to: "yuri@example.com", url: "http://localhost:3000/api/auth/callback/email?token=xyz" });
    const queued = await db().outbox.findFirstOrThrow({ where: { to: "yuri@example.com" } });
    expect(queued).toMatchObject({ status: "pending", attempts: 1 });
    expect(queued.lastError).toMatch(/down|500|internal/i);

    for (let i = 0; i < 50; i++) {
      const row = await db().outbox.findUniqueOrThrow({ where: { id: queued.id } });
      if (row.status !== "pending") break;
      await new Promise((r) => setTimeout(r, 25));
      await deliverDueEmails();
    }
    const sent = await db().outbox.findUniqueOrThrow({ where: { id: queued.id } });
    expect(sent).toMatchObject({ status: "sent", attempts: 3, providerId: "re_msg_123", lastError: null });
    expect(requests).toHaveLength(3);
    expect(requests[2]).toMatchObject({ auth: "Bearer re_test_key", body: { subject: "Sign in to Datashelf" } });
    expect([requests[2]!.body.to].flat()).toEqual(["yuri@example.com"]);
    expect(requests[2]!.body.html).toContain("token=xyz");
    // What the provider took is not kept with a working link.
    expect(sent.html).not.toContain("xyz");
    expect(sent.text).not.toContain("xyz");
    expect(sent.html).toContain(REDACTED_LINK);
  });

  it("waits for the backoff before retrying", async () => {
    failuresLeft = 1;
    process.env.EMAIL_RETRY_BASE_MS = "60000";
    try {
      await sendSignInEmail({ to: "wade@example.com", url: "http://localhost:3000/x" });
      const before = requests.length;
      await deliverDueEmails();
      expect(requests.length).toBe(before); // not due yet
      const row = await db().outbox.findFirstOrThrow({ where: { to: "wade@example.com" } });
      expect(row.status).toBe("pending");
      expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 50_000);
    } finally {
      process.env.EMAIL_RETRY_BASE_MS = "10";
    }
  });
});

describe("a slow provider", () => {
  let fake: Awaited<ReturnType<typeof startFakeResend>>;
  beforeAll(async () => {
    fake = await startFakeResend({ delayMs: 300 });
    process.env.RESEND_API_KEY = "re_test_key";
    process.env.RESEND_BASE_URL = fake.url;
  });
  afterAll(async () => {
    delete process.env.RESEND_API_KEY;
    delete process.env.RESEND_BASE_URL;
    await fake.close();
  });

  it("receives each of 20 share e-mails exactly once, each with its own idempotency key", async () => {
    const ids: string[] = [];
    // Like 20 shares in a row: each queues its message and kicks the sender without waiting.
    for (let i = 0; i < 20; i++) {
      ids.push(
        await db().$transaction((tx) =>
          enqueueEmail(tx, {
            to: `slow${i}@example.com`,
            kind: "share",
            subject: `Shared ${i}`,
            html: `<p>${i}</p>`,
            text: `${i}`,
          }),
        ),
      );
      kickOutbox();
    }
    for (let i = 0; i < 400; i++) {
      const pending = await db().outbox.count({ where: { id: { in: ids }, status: { not: "sent" } } });
      if (pending === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await new Promise((r) => setTimeout(r, 1_000)); // let any duplicate still in flight arrive
    const mine = fake.requests.filter((r) => r.to.startsWith("slow"));
    console.log(`slow provider: ${mine.length} requests for 20 messages`);
    expect(await db().outbox.count({ where: { id: { in: ids }, status: "sent" } })).toBe(20);
    expect(mine).toHaveLength(20);
    expect(new Set(mine.map((r) => r.to)).size).toBe(20);
    expect(new Set(mine.map((r) => r.key)).size).toBe(20);
    expect(mine.every((r) => r.key && ids.some((id) => r.key!.includes(id)))).toBe(true);
  }, 120_000);
});
