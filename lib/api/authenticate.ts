import "server-only";
import type { Actor } from "@/lib/access";
import { authenticateApiToken } from "@/lib/tokens/api-tokens";
import { hitRateLimit } from "@/lib/throttle/rate-limit";
import { AppError } from "@/lib/util/errors";

export class RateLimited extends AppError {
  constructor(retryAfterSeconds: number) {
    super("rate_limited", `Too many requests; retry after ${retryAfterSeconds} s.`, undefined, retryAfterSeconds);
  }
}

/**
 * Counts a request against its caller's per-minute budget (429 beyond it). Rule: the budget
 * belongs to the user, whatever they authenticate with (any number of API tokens, the session
 * cookie, server actions), since tokens are free to mint; callers without an account (access
 * link visitors) are counted per client address.
 */
export function assertWithinRateLimit(caller: { userId: string } | { client: string }): void {
  const key = "userId" in caller ? `user:${caller.userId}` : `client:${caller.client}`;
  const wait = hitRateLimit(key);
  if (wait > 0) throw new RateLimited(wait);
}

/**
 * The API caller from `Authorization: Bearer <token>`. Rule: a missing, unknown, revoked or
 * expired token is the same 401; the token's user's request budget applies (429).
 */
export async function authenticateRequest(request: Request): Promise<Actor> {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new AppError("unauthenticated", "Send an API token as 'Authorization: Bearer <token>'.");
  const actor = await authenticateApiToken(match[1]!);
  if (!actor) throw new AppError("unauthenticated", "The API token is invalid, expired or revoked.");
  assertWithinRateLimit({ userId: actor.id });
  return actor;
}
