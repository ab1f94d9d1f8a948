/**
 * Failures of the machine rather than of the request: a full disk or an unreachable database.
 * They must never be reported as the caller's fault (404, 422) nor leak their text, which
 * names files, hosts and SQL; see toFailure in ./result.ts.
 */
export type InfrastructureFault = "disk_full" | "database_unavailable";

/** SQLite, errno and PostgreSQL (53100 disk_full) codes that mean "no space left". */
const DISK_FULL = new Set(["SQLITE_FULL", "ENOSPC", "EDQUOT", "53100"]);

/**
 * Codes that mean the database cannot be used right now: the file cannot be opened or read, the
 * server cannot be reached or is shutting down, or it refuses new connections.
 */
const UNAVAILABLE_CODES = new Set([
  "SQLITE_CANTOPEN",
  "SQLITE_NOTADB",
  "SQLITE_CORRUPT",
  "SQLITE_IOERR",
  "SQLITE_BUSY",
  "SQLITE_LOCKED",
  "SQLITE_READONLY",
  "SQLITE_PROTOCOL",
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EPIPE",
  "EROFS",
  "EIO",
  // Prisma: can't reach / timed out / server closed the connection / pool timeout.
  "P1001",
  "P1002",
  "P1008",
  "P1017",
  "P2024",
  // PostgreSQL: connection exceptions, too many connections, shutdown / starting up.
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
  "53300",
  "57P01",
  "57P02",
  "57P03",
]);
const UNAVAILABLE_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
  "TlsConnectionError",
]);

function codesOf(error: unknown, seen = new Set<unknown>()): string[] {
  if (typeof error !== "object" || error === null || seen.has(error)) return [];
  seen.add(error);
  const e = error as {
    code?: unknown;
    errno?: unknown;
    kind?: unknown;
    originalCode?: unknown;
    meta?: { driverAdapterError?: unknown };
    cause?: unknown;
  };
  const own = [e.code, e.kind, e.originalCode].filter((v): v is string => typeof v === "string");
  // Extended SQLite codes (SQLITE_IOERR_WRITE, SQLITE_BUSY_SNAPSHOT, ...) count as their base code.
  const base = own.filter((c) => c.startsWith("SQLITE_")).map((c) => c.split("_").slice(0, 2).join("_"));
  return [...own, ...base, ...codesOf(e.meta?.driverAdapterError, seen), ...codesOf(e.cause, seen)];
}

/** Which machine failure an error is, if any, looking through Prisma's and the drivers' wrappers. */
export function infrastructureFault(error: unknown): InfrastructureFault | null {
  const codes = codesOf(error);
  if (codes.some((c) => DISK_FULL.has(c))) return "disk_full";
  if (codes.some((c) => UNAVAILABLE_CODES.has(c) || UNAVAILABLE_KINDS.has(c))) return "database_unavailable";
  if (error instanceof Error && error.name === "PrismaClientInitializationError") return "database_unavailable";
  return null;
}
