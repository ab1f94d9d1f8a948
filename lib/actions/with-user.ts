import "server-only";
import { assertWithinRateLimit } from "@/lib/api/authenticate";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { AppError } from "@/lib/util/errors";
import { type Result, attempt } from "@/lib/util/result";

/**
 * Every server action is a public POST endpoint: it runs only for a signed-in user, within that
 * user's request budget (the same per-user budget as the API and route handlers, 429), and turns
 * any error into a client-safe Result. Permission checks stay in lib/access.
 */
export async function withUser<T>(fn: (user: SessionUser) => Promise<T>): Promise<Result<T>> {
  return attempt(async () => {
    const user = await getSessionUser();
    if (!user) throw new AppError("unauthenticated", "Your session has ended. Please sign in again.");
    assertWithinRateLimit({ userId: user.id });
    return fn(user);
  });
}

/** Form fields as an object; the service's zod schema validates it, so the type is only a hint. */
export function formObject<T = Record<string, string>>(form: FormData): T {
  const out: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === "string") out[key] = value;
  return out as T;
}
