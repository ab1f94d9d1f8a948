/** Prisma's unique-constraint violation (P2002), on either database. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/**
 * The database refused text it cannot hold (PostgreSQL: a NUL character, 22021; an invalid
 * Unicode escape, 22P05): the client's input, never a fault of ours.
 */
export function isUnstorableText(error: unknown): boolean {
  const codes = new Set(["22021", "22P05"]);
  for (let e: unknown = error, depth = 0; e && typeof e === "object" && depth < 5; depth++) {
    const { code, originalCode, message } = e as { code?: unknown; originalCode?: unknown; message?: unknown };
    if (codes.has(String(originalCode)) || codes.has(String(code))) return true;
    if (typeof message === "string" && /Code: `(22021|22P05)`/.test(message)) return true;
    const meta = (e as { meta?: { driverAdapterError?: unknown } }).meta;
    e = meta?.driverAdapterError ?? (e as { cause?: unknown }).cause;
  }
  return false;
}
