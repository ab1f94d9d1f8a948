import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { enqueueEmail } from "./outbox";
import { idempotencyKey } from "./sender";
import { startFakeResend } from "./testing/fake-resend";

const { db, url } = setupTestDatabase();
const MESSAGES = 8;

async function waitFor(condition: () => boolean | Promise<boolean>, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("outbox sender killed mid-send", () => {
  let fake: Awaited<ReturnType<typeof startFakeResend>>;
  const children: ChildProcess[] = [];

  function startSender(): ChildProcess {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "--import", "./scripts/server-only-hook.mjs", "lib/email/testing/sender-process.ts"],
      {
        cwd: process.cwd(),
        env: {
          ...process.env,
          DATABASE_URL: url(),
          RESEND_API_KEY: "re_test_key",
          RESEND_BASE_URL: fake.url,
          EMAIL_POLL_MS: "200",
          EMAIL_LEASE_MS: "1500",
          EMAIL_CLAIM_MS: "1500",
        },
        stdio: ["ignore", "inherit", "inherit"],
      },
    );
    children.push(child);
    return child;
  }

  beforeAll(async () => {
    fake = await startFakeResend({ delayMs: 300 });
  });
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await fake.close();
  });

  it("delivers each message once across a SIGKILL and a restart, retrying the cut-off one with the same idempotency key", async () => {
    const ids: string[] = [];
    for (let i = 0; i < MESSAGES; i++) {
      ids.push(
        await db().$transaction((tx) =>
          enqueueEmail(tx, {
            to: `crash${i}@example.com`,
            kind: "share",
            subject: `Shared ${i}`,
            html: `<p>${i}</p>`,
            text: `${i}`,
          }),
        ),
      );
    }

    const first = startSender();
    await waitFor(() => fake.requests.length >= 3, 60_000, "the third request");
    // The third request is in flight (the provider answers after 300 ms): kill the sender now.
    first.kill("SIGKILL");
    await new Promise((r) => first.once("exit", r));
    const cutOff = fake.requests[fake.requests.length - 1]!.key;
    expect(await db().outbox.count({ where: { status: "sent" } })).toBeLessThan(MESSAGES);

    const second = startSender();
    await waitFor(
      async () => (await db().outbox.count({ where: { status: "sent" } })) === MESSAGES,
      90_000,
      "all messages sent",
    );
    await new Promise((r) => setTimeout(r, 1_000)); // any late duplicate would arrive now

    const keys = fake.requests.map((r) => r.key);
    console.log(
      `crash test: ${fake.requests.length} requests, ${fake.deliveries().length} deliveries for ${MESSAGES} messages`,
    );
    expect(fake.deliveries()).toHaveLength(MESSAGES);
    expect(new Set(keys)).toEqual(new Set(ids.map(idempotencyKey)));
    // Only the message cut off by the kill was asked for twice, under its one key.
    expect(fake.requests).toHaveLength(MESSAGES + 1);
    expect(keys.filter((k) => k === cutOff)).toHaveLength(2);
    second.kill("SIGKILL");
    await new Promise((r) => second.once("exit", r));
  }, 180_000);

  it("sends each message once when two sender processes run side by side", async () => {
    const ids: string[] = [];
    for (let i = 0; i < MESSAGES; i++) {
      ids.push(
        await db().$transaction((tx) =>
          enqueueEmail(tx, {
            to: `pair${i}@example.com`,
            kind: "share",
            subject: `Pair ${i}`,
            html: `<p>${i}</p>`,
            text: `${i}`,
          }),
        ),
      );
    }
    const before = fake.requests.length;
    const pair = [startSender(), startSender()];
    await waitFor(
      async () => (await db().outbox.count({ where: { id: { in: ids }, status: "sent" } })) === MESSAGES,
      90_000,
      "all messages sent",
    );
    await new Promise((r) => setTimeout(r, 1_000));
    for (const child of pair) child.kill("SIGKILL");
    const mine = fake.requests.slice(before);
    expect(mine.map((r) => r.key).sort()).toEqual(ids.map(idempotencyKey).sort());
  }, 180_000);
});
