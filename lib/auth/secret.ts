import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";

/**
 * NEXTAUTH_SECRET signs sign-in tokens. Several instances must share it (set the variable);
 * a single machine without it gets one generated once and kept in ./data, so `npm start` on a
 * fresh clone needs no configuration and restarts keep sessions valid.
 */
export function authSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = path.resolve(process.env.DATA_DIR || "data", ".auth-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const secret = randomBytes(32).toString("base64url");
    try {
      fs.writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
      return secret;
    } catch {
      return fs.readFileSync(file, "utf8").trim(); // another process created it first
    }
  }
}
