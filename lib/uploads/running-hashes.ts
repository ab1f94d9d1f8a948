import "server-only";
import { createHash, type Hash } from "node:crypto";

/** How many uploads' running checksums one instance keeps (each is a few hundred bytes). */
const MAX_ENTRIES = 10_000;

type Running = { hash: Hash; offset: number } | { digest: string; offset: number };

/**
 * The SHA-256 of each tus upload's staged bytes, kept up to date as PATCHes append to them, so
 * finishing an upload does not read the whole staged file again. Rule: a checksum is only ever
 * continued from the exact offset it covers, and only after the bytes were written, so it always
 * equals the SHA-256 of staged bytes [0, offset) (staged bytes below the offset never change:
 * tus only appends). A PATCH that reaches this instance without a matching checksum (another
 * instance took the previous one, this process restarted) is not hashed; finishing that upload
 * falls back to reading the staged file once. The checksum is kept in memory only: Node's
 * native SHA-256 cannot export its state, and a JavaScript one would cost more CPU per byte than
 * the fallback read costs in the rare case it is needed.
 */
export class RunningHashes {
  private readonly entries = new Map<string, Running>();

  /** The checksum to continue for bytes written at `offset`, or null when it would not be the whole prefix. */
  continueAt(id: string, offset: number): Hash | null {
    const entry = this.entries.get(id);
    this.entries.delete(id);
    if (offset === 0) return createHash("sha256");
    if (!entry || !("hash" in entry) || entry.offset !== offset) return null;
    return entry.hash;
  }

  /** Keeps `hash` as covering staged bytes [0, offset). */
  keep(id: string, hash: Hash, offset: number): void {
    this.entries.delete(id);
    this.entries.set(id, { hash, offset });
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
  }

  /** The SHA-256 (hex) of an upload's first `size` bytes, when this instance hashed all of them. */
  digest(id: string, size: number): string | undefined {
    const entry = this.entries.get(id);
    if (!entry || entry.offset !== size) return undefined;
    if ("digest" in entry) return entry.digest;
    const digest = entry.hash.digest("hex");
    this.entries.set(id, { digest, offset: size });
    return digest;
  }

  forget(id: string): void {
    this.entries.delete(id);
  }
}
