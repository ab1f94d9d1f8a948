import { z } from "zod";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/access";
import { notFound } from "@/lib/util/errors";
import { hashToken, newToken } from "@/lib/util/tokens";
import { lastUseDue } from "@/lib/util/last-used";

export const createTokenInput = z.object({
  name: z.string().trim().min(1, "Give the token a name").max(80, "A token name can have at most 80 characters"),
  expiresDays: z.coerce
    .number()
    .int("Whole days only")
    .min(1, "At least 1 day")
    .max(3650, "At most 3650 days")
    .optional(),
});

/**
 * Issues a personal API token. The full token is returned exactly once; only its SHA-256 is
 * stored, with a short prefix to recognise it in lists.
 */
export async function createApiToken(userId: string, input: z.input<typeof createTokenInput>) {
  const { name, expiresDays } = createTokenInput.parse(input);
  const { token, hash, prefix } = newToken("dsk");
  const expiresAt = expiresDays ? new Date(Date.now() + expiresDays * 86_400_000) : null;
  const row = await getDb().apiToken.create({ data: { userId, name, tokenHash: hash, prefix, expiresAt } });
  return { id: row.id, token, prefix, expiresAt };
}

export async function listApiTokens(actor: Actor) {
  return getDb().apiToken.findMany({
    where: { userId: actor.id, revokedAt: null },
    select: { id: true, name: true, prefix: true, expiresAt: true, lastUsedAt: true, createdAt: true },
    orderBy: { createdAt: "desc" },
  });
}

export async function revokeApiToken(actor: Actor, tokenId: string): Promise<void> {
  const result = await getDb().apiToken.updateMany({
    where: { id: tokenId, userId: actor.id, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (result.count === 0) throw notFound("Token not found");
}

/** A token row with its user's fields, as the one-statement read returns it (dates as the driver gives them). */
type TokenRow = {
  tokenId: string;
  revokedAt: Date | string | null;
  expiresAt: Date | string | null;
  lastUsedAt: Date | string | null;
  id: string;
  email: string;
  username: string | null;
};

/**
 * Resolves a bearer token to its user. Rule: unknown, revoked and expired tokens are all
 * rejected alike (null); the lookup is by hash, so the raw token is never compared or stored.
 */
export async function authenticateApiToken(token: string): Promise<Actor | null> {
  // One statement (a join) instead of Prisma's relation read, which sends one per table on SQLite; this runs before
  // every API request.
  const [row] = await getDb().$queryRaw<TokenRow[]>`SELECT t."id" AS "tokenId", t."revokedAt", t."expiresAt",
t."lastUsedAt", u."id", u."email", u."username"
FROM "ApiToken" t JOIN "User" u ON u."id" = t."userId" WHERE t."tokenHash" = ${hashToken(token)}`;
  const now = Date.now();
  if (!row || row.revokedAt !== null || (row.expiresAt !== null && new Date(row.expiresAt).getTime() <= now)) {
    return null;
  }
  // "Last used" to the minute, written beside the request: writing it on every request would
  // make all concurrent requests of one token queue for the same row, and a failed bookkeeping
  // write (full disk, read-only database) must not fail the read the token was sent for.
  if (lastUseDue(row.lastUsedAt, now)) {
    void getDb()
      .apiToken.update({ where: { id: row.tokenId }, data: { lastUsedAt: new Date(now) } })
      .catch((error: unknown) => console.error("api token: could not record last use", error));
  }
  return { id: row.id, email: row.email, username: row.username };
}
