import "server-only";
import { randomUUID } from "node:crypto";
import { ERRORS, type Lock, type Locker, type RequestRelease } from "@tus/server";
import { getDb } from "@/lib/db";
import { acquireLease, releaseLease } from "@/lib/db/lease";
import { isUniqueViolation } from "@/lib/util/prisma-errors";

export type DbLockerOptions = {
  /** a held lock is renewed while its request runs; a crashed instance's lock frees itself after this */
  leaseMs?: number;
  /** a request waiting longer than this for a lock fails with tus's lock timeout (the client retries) */
  acquireTimeoutMs?: number;
  /** how often a waiter retries and a holder looks for a release request */
  pollMs?: number;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * tus upload locks in the database (the Lease table), so that with several app instances behind
 * a load balancer only one request at a time works on an upload, whichever instance it reached
 * (the in-memory locker of @tus/server only sees its own process). Like tus's MemoryLocker, a
 * waiter asks the current holder to let go (a client that resumes after a stalled PATCH should
 * not wait for that PATCH to time out): it writes a "release" row, and the holder, which checks
 * for one every pollMs, cancels its request through tus's requestRelease callback.
 */
export class DbLocker implements Locker {
  private readonly options: Required<DbLockerOptions>;

  constructor(options: DbLockerOptions = {}) {
    this.options = { leaseMs: 30_000, acquireTimeoutMs: 30_000, pollMs: 250, ...options };
  }

  newLock(id: string): Lock {
    return new DbLock(`tus:${id}`, this.options);
  }
}

class DbLock implements Lock {
  private readonly holder = randomUUID();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly name: string,
    private readonly options: Required<DbLockerOptions>,
  ) {}

  private get releaseName(): string {
    return `${this.name}:release`;
  }

  async lock(stopSignal: AbortSignal, requestRelease: RequestRelease): Promise<void> {
    const { leaseMs, acquireTimeoutMs, pollMs } = this.options;
    const deadline = Date.now() + acquireTimeoutMs;
    let asked = false;
    let attemptedAt = Date.now();
    // The lock row is deleted on unlock, so the next request usually finds none: one insert takes
    // it (acquireLease would first try to take over an expired row, a statement that finds nothing).
    if (await this.insertLease(leaseMs)) {
      this.watch(requestRelease, attemptedAt);
      await getDb().lease.deleteMany({ where: { name: this.releaseName } });
      return;
    }
    while (!(await acquireLease(this.name, leaseMs, this.holder))) {
      if (stopSignal.aborted || Date.now() >= deadline) throw ERRORS.ERR_LOCK_TIMEOUT;
      if (!asked) asked = await acquireLease(this.releaseName, leaseMs, this.holder);
      await sleep(pollMs);
      attemptedAt = Date.now();
    }
    this.watch(requestRelease, attemptedAt);
    // Our own request (or a stale one) must not make us let go of what we just took.
    await getDb().lease.deleteMany({ where: { name: this.releaseName } });
  }

  /** Takes the lock if no row exists for it; false when one does (held, or expired: acquireLease decides). */
  private async insertLease(leaseMs: number): Promise<boolean> {
    try {
      await getDb().lease.create({
        data: { name: this.name, holder: this.holder, expiresAt: new Date(Date.now() + leaseMs) },
      });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  async unlock(): Promise<void> {
    this.stopWatching();
    await releaseLease(this.name, this.holder);
  }

  /**
   * While held: renew the lease well before it expires (counted from `acquiredAt`, when the
   * lease was written), and honour a waiter's release request once. A lease found taken by
   * someone else (this process stalled past its expiry) also ends the request: it must stop
   * writing to an upload it no longer holds.
   */
  private watch(requestRelease: RequestRelease, acquiredAt: number): void {
    const { leaseMs, pollMs } = this.options;
    let renewedAt = acquiredAt;
    let released = false;
    const release = async () => {
      if (released) return;
      released = true;
      await requestRelease();
    };
    const tick = async () => {
      const db = getDb();
      if (Date.now() - renewedAt > leaseMs / 3) {
        const startedAt = Date.now();
        const { count } = await db.lease.updateMany({
          where: { name: this.name, holder: this.holder },
          data: { expiresAt: new Date(startedAt + leaseMs) },
        });
        if (count === 0) {
          this.stopWatching();
          return release();
        }
        renewedAt = startedAt;
      }
      if (!released && (await db.lease.count({ where: { name: this.releaseName, expiresAt: { gt: new Date() } } })) > 0)
        await release();
    };
    const schedule = () => {
      this.timer = setTimeout(() => {
        tick()
          .catch((error: unknown) => console.error(`Upload lock ${this.name}: renewing failed`, error))
          .finally(() => this.timer && schedule());
      }, pollMs);
      this.timer.unref();
    };
    schedule();
  }

  private stopWatching(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
