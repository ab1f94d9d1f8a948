import "server-only";
import type { Actor } from "@/lib/access";
import { authenticateApiToken } from "@/lib/tokens/api-tokens";
import { hitRateLimit } from "@/lib/throttle/rate-limit";
import { AppError } from "@/lib/util/errors";
import { hashToken } from "@/lib/util/tokens";

export class RateLimited extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super("rate_limited", `Too many requests; retry after ${retryAfterSeconds} s.`);
  }
}

/**
 * The API caller from `Authorization: Bearer <token>`. Rule: a missing, unknown, revoked or
 * expired token is the same 401; each token has its own per-minute request budget (429).
 */
export async function authenticateRequest(request: Request): Promise<Actor> {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new AppError("unauthenticated", "Send an API token as 'Authorization: Bearer <token>'.");
  const actor = await authenticateApiToken(match[1]!);
  if (!actor) throw new AppError("unauthenticated", "The API token is invalid, expired or revoked.");
  const wait = await hitRateLimit(`api:${hashToken(match[1]!).slice(0, 32)}`);
  if (wait > 0) throw new RateLimited(wait);
  return actor;
}
