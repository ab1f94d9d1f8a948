import { describe, expect, it } from "vitest";
import { infrastructureFault } from "./infrastructure-errors";
import { statusOf, toFailure } from "./result";

// Shapes as the drivers and Prisma 7's adapters throw them (captured from real failures on this stack).
const prismaWrapped = (cause: Record<string, unknown>, code = "P2039") =>
  Object.assign(new Error("Invalid `prisma.user.count()` invocation in /srv/app/lib/x.ts: Database error"), {
    name: "PrismaClientKnownRequestError",
    code,
    meta: { modelName: "User", driverAdapterError: { name: "DriverAdapterError", cause } },
  });

describe("machine failures in the one error mapping", () => {
  it.each([
    [
      "SQLite cannot open the file",
      Object.assign(new Error("unable to open database file"), { name: "SqliteError", code: "SQLITE_CANTOPEN" }),
    ],
    [
      "SQLite file is not a database",
      Object.assign(new Error("file is not a database"), { name: "SqliteError", code: "SQLITE_NOTADB" }),
    ],
    [
      "SQLite busy beyond the timeout (extended code)",
      prismaWrapped({
        kind: "sqlite",
        originalCode: "SQLITE_BUSY_SNAPSHOT",
        extendedCode: 517,
        message: "database is locked",
      }),
    ],
    ["PostgreSQL unreachable", prismaWrapped({ kind: "DatabaseNotReachable", host: "10.0.0.5", port: 5432 }, "P1001")],
    [
      "PostgreSQL shutting down",
      prismaWrapped({
        kind: "postgres",
        code: "57P01",
        severity: "FATAL",
        message: "terminating connection due to administrator command",
      }),
    ],
  ])("%s is 503 with Retry-After and a plain message", (_name, error) => {
    expect(infrastructureFault(error)).toBe("database_unavailable");
    const failure = toFailure(error);
    expect(statusOf(failure)).toBe(503);
    expect(failure.retryAfterSeconds).toBeGreaterThan(0);
    expect(failure.message).not.toMatch(/SQLITE|database file|10\.0\.0\.5|\/srv|prisma/i);
  });

  it.each([
    [
      "SQLite full",
      prismaWrapped({
        kind: "sqlite",
        originalCode: "SQLITE_FULL",
        extendedCode: 13,
        message: "database or disk is full",
      }),
    ],
    [
      "a write to a full file system",
      Object.assign(new Error("ENOSPC: no space left on device, write '/srv/data/blobs/ab/cd'"), {
        code: "ENOSPC",
        errno: -28,
      }),
    ],
    ["a quota", Object.assign(new Error("EDQUOT: disk quota exceeded"), { code: "EDQUOT" })],
    [
      "wrapped as a cause",
      new Error("upload failed", { cause: Object.assign(new Error("ENOSPC"), { code: "ENOSPC" }) }),
    ],
  ])("%s is 507", (_name, error) => {
    expect(infrastructureFault(error)).toBe("disk_full");
    expect(statusOf(toFailure(error))).toBe(507);
  });

  it("leaves request errors and bugs alone", () => {
    expect(infrastructureFault(prismaWrapped({ kind: "UniqueConstraintViolation" }, "P2002"))).toBeNull();
    expect(infrastructureFault(new TypeError("x is undefined"))).toBeNull();
    expect(infrastructureFault(Object.assign(new Error("no such file"), { code: "ENOENT" }))).toBeNull();
    expect(statusOf(toFailure(new TypeError("x is undefined")))).toBe(500);
  });
});
