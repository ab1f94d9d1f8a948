// Crash recovery of the app's real production server (reliability issue 13): the server process
// itself (scripts/server.mjs) is SIGKILLed while e-mail deliveries are in flight and while a tus
// upload is being finished, started again on the same data, and the work completes exactly once.
// The units' own crash tests (lib/email/sender-crash.int.test.ts, lib/uploads/crash.int.test.ts)
// kill smaller processes; this spec kills what `npm start` runs. Ports: E2E_CRASH_PORT (default
// E2E_PORT + 7) and the next one.
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import * as tus from "tus-js-client";
import { expect, test } from "@playwright/test";
import { crashServer, type CrashServer } from "./crash-server";
import { startFakeResend } from "../lib/email/testing/fake-resend";

const CRASH_PORT = Number(process.env.E2E_CRASH_PORT || Number(process.env.E2E_PORT || 3100) + 7);
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/** Waits for a condition (not a fixed sleep): the machine may be slow. */
async function until<T>(what: string, check: () => T | Promise<T>, ms = 120_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

test.describe.configure({ mode: "serial" });

test.describe("the app's server killed with SIGKILL and started again", () => {
  const servers: CrashServer[] = [];
  test.afterAll(() => {
    for (const server of servers) {
      server.stop();
      server.removeData();
    }
  });

  test("e-mail: every share invitation is delivered exactly once across the kill (same idempotency key on the retry)", async () => {
    test.setTimeout(600_000);
    const N = 12;
    const fake = await startFakeResend({ delayMs: 300 });
    const app = crashServer(CRASH_PORT, {
      RESEND_API_KEY: "test",
      RESEND_BASE_URL: fake.url,
      SHARE_MAIL_MAX_PER_HOUR: "1000",
      SHARE_MAIL_MAX_PER_DAY: "5000",
      EMAIL_POLL_MS: "500",
      // The killed run's lease and its cut-off message's claim run out in seconds, not the defaults' minutes.
      EMAIL_LEASE_MS: "4000",
      EMAIL_CLAIM_MS: "4000",
    });
    servers.push(app);
    try {
      app.prepare();
      await app.start();
      const alice = await app.tokenFor("alice");
      const run = Date.now().toString(36);
      const addresses = Array.from({ length: N }, (_, i) => `crash-${run}-${i}@example.org`);
      const mine = () => fake.requests.filter((r) => addresses.includes(r.to));

      // The kill lands the moment a delivery request reaches the provider, once every share exists:
      // that request is in flight (answered 300 ms later) and the server never hears the answer.
      let armed = false;
      let killing: Promise<{ children: number[]; survivors: number[] }> | undefined;
      let cutOff: string | null | undefined;
      let inFlight = 0;
      fake.onRequest((request) => {
        if (!armed || killing || !addresses.includes(request.to)) return;
        cutOff = request.key;
        killing = app.kill(); // freezes the server at once (SIGSTOP), before any answer can reach it
        // Counted now: the fake marks a request answered after its delay even when nobody is left to hear it,
        // and the kill can take longer than that delay on a busy machine.
        inFlight = mine().filter((r) => !r.answered).length;
      });

      const shares = await Promise.all(
        addresses.map((email) =>
          fetch(`${app.base}/api/v1/permissions/namespaces/alice/sales/shares`, {
            method: "POST",
            headers: { ...bearer(alice), "Content-Type": "application/json" },
            body: JSON.stringify({ email, role: "viewer" }),
          }),
        ),
      );
      expect(shares.map((r) => r.status)).toEqual(addresses.map(() => 200));
      armed = true;
      const before = await until("a delivery in flight to kill the server in", () => killing, 60_000).catch(() => {
        throw new Error(
          `all ${N} messages went out before the kill could land (${mine().length} requests): nothing was tested`,
        );
      });
      expect(before.survivors, "processes of the killed server still running").toEqual([]);
      await expect(fetch(`${app.base}/signin`)).rejects.toThrow(); // nothing answers on its port
      const sentBeforeKill = app.query<{ n: number }>(
        `SELECT count(*) AS n FROM "Outbox" WHERE status = 'sent' AND "to" IN (${addresses.map(() => "?").join(",")})`,
        ...addresses,
      )[0]!.n;
      expect(sentBeforeKill, "messages left for the restarted server").toBeLessThan(N);
      // That the cut-off delivery really went unheard shows below: it is asked for again under its own key.

      await app.start();
      const placeholders = addresses.map(() => "?").join(",");
      const sentCount = () =>
        app.query<{ n: number }>(
          `SELECT count(*) AS n FROM "Outbox" WHERE status = 'sent' AND "to" IN (${placeholders})`,
          ...addresses,
        )[0]!.n;
      await until("the outbox drained", () => sentCount() === N, 240_000).catch((error: Error) => {
        throw new Error(
          `${error.message}: ${sentCount()} of ${N} messages sent, ${fake.deliveries().filter((d) => addresses.includes(d.to)).length} delivered (a message lost?)`,
        );
      });
      // Every message is marked sent, so no sender will take one up again; a duplicate already on its way would land now.
      await until("no request left unanswered", () => mine().every((r) => r.answered), 10_000);

      const requests = mine();
      const delivered = fake.deliveries().filter((d) => addresses.includes(d.to));
      const keys = new Set(requests.map((r) => r.key));
      console.log(
        `crash-recovery e-mail: ${N} messages, ${requests.length} requests (${inFlight} cut off by the kill), ${delivered.length} deliveries: ${(requests.length / N).toFixed(2)} requests per message`,
      );
      expect(
        requests.every((r) => r.key !== null),
        "every request carries an Idempotency-Key",
      ).toBe(true);
      expect(keys.size, "distinct idempotency keys").toBe(N);
      expect(delivered.map((d) => d.to).sort(), "each address got its invitation exactly once").toEqual(
        [...addresses].sort(),
      );
      expect(requests.length).toBeLessThanOrEqual(N + inFlight);
      // The cut-off message was asked for again under its own key.
      expect(requests.filter((r) => r.key === cutOff).length).toBe(2);
      expect(
        app.query(`SELECT id FROM "Outbox" WHERE status <> 'sent' AND "to" IN (${placeholders})`, ...addresses),
      ).toEqual([]);
    } finally {
      app.stop();
      await fake.close();
    }
  });

  test("tus: an upload whose finishing step the kill interrupted is resumed after the restart; the file is there once, with its bytes, and staging is empty", async () => {
    test.setTimeout(600_000);
    const app = crashServer(CRASH_PORT + 1, { UPLOAD_LOCK_LEASE_MS: "3000" });
    servers.push(app);
    try {
      app.prepare();
      // Finishing pauses after the bytes left staging, before the file's row is committed.
      await app.start({ UPLOAD_TEST_COMMIT_DELAY_MS: "300000" });
      const alice = await app.tokenFor("alice");
      const workspaces = (await (await fetch(`${app.base}/api/v1/workspaces`, { headers: bearer(alice) })).json()) as {
        id: string;
        slug: string;
      }[];
      const personal = workspaces.find((w) => w.slug === "personal")!;
      const top = (await (
        await fetch(`${app.base}/api/v1/workspaces/${personal.id}/files`, { headers: bearer(alice) })
      ).json()) as { folderId: string };
      const folderEntries = async () =>
        (
          (await (
            await fetch(`${app.base}/api/v1/files/folders/${top.folderId}?limit=1000`, { headers: bearer(alice) })
          ).json()) as { entries: { id: string; name: string; size: number; kind: string }[] }
        ).entries;

      const name = `survivor-${Date.now().toString(36)}.bin`;
      const content = randomBytes(700_000);
      const options = (done: { error?: Error; success?: boolean }): tus.UploadOptions => ({
        endpoint: `${app.base}/api/uploads`,
        headers: bearer(alice),
        metadata: { kind: "file", folderId: top.folderId, name },
        chunkSize: 256 * 1024,
        retryDelays: [500, 1000, 2000, 3000, 5000, 5000, 5000, 5000, 5000, 5000, 5000, 5000],
        onSuccess: () => void (done.success = true),
        onError: (error) => void (done.error = error),
      });

      const first: { error?: Error; success?: boolean } = {};
      const upload = new tus.Upload(content, options(first));
      upload.start();
      const url = await until("the upload's URL", () => upload.url, 60_000);
      const id = url.split("/").pop()!;
      // Every byte arrived; the finishing step holds its lease and has moved the bytes out of staging.
      await until(
        "the finishing step under way",
        () =>
          app.query(`SELECT 1 FROM "Lease" WHERE name = ?`, `tus-finish:${id}`).length > 0 &&
          !fs.existsSync(`${app.stagingDir}/${id}`),
      );
      const { survivors } = await app.kill();
      expect(survivors, "processes of the killed server still running").toEqual([]);
      await upload.abort(); // this client gives up; a new one resumes below
      expect(first.success).toBeFalsy();
      expect(app.query(`SELECT 1 FROM "FileEntry" WHERE name = ?`, name), "no file before the restart").toEqual([]);

      await app.start(); // without the delay
      const second: { error?: Error; success?: boolean } = {};
      const resumed = new tus.Upload(content, { ...options(second), uploadUrl: url });
      resumed.start();
      await until("the resumed upload to end", () => second.success || second.error, 240_000);
      expect(second.error).toBeUndefined();
      // The same upload: when resuming fails, tus-js-client quietly starts a new one and sends every byte again.
      expect(resumed.url).toBe(url);

      const files = (await folderEntries()).filter((e) => e.name.startsWith("survivor-"));
      expect(files.map((f) => [f.name, f.kind, f.size])).toEqual([[name, "file", content.length]]);
      const download = await fetch(`${app.base}/api/v1/files/${files[0]!.id}/content`, { headers: bearer(alice) });
      expect(download.status).toBe(200);
      expect(sha256(Buffer.from(await download.arrayBuffer()))).toBe(sha256(content));
      expect(
        fs.readdirSync(app.stagingDir).filter((f) => f.startsWith(id)),
        "staging leftovers of the upload",
      ).toEqual([]);
      expect(app.query(`SELECT name FROM "Lease" WHERE name LIKE 'tus%'`)).toEqual([]);
    } finally {
      app.stop();
    }
  });
});
