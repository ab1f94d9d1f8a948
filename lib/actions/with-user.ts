import "server-only";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { type Result, attempt } from "@/lib/util/result";

/**
 * Every server action is a public POST endpoint: it runs only for a signed-in user with a
 * username, and turns any error into a client-safe Result. Permission checks stay in lib/access.
 */
export async function withUser<T>(fn: (user: SessionUser) => Promise<T>): Promise<Result<T>> {
  const user = await getSessionUser();
  if (!user) return { ok: false, code: "unauthenticated", message: "Your session has ended. Please sign in again." };
  return attempt(() => fn(user));
}

/** Form fields as an object; the service's zod schema validates it, so the type is only a hint. */
export function formObject<T = Record<string, string>>(form: FormData): T {
  const out: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === "string") out[key] = value;
  return out as T;
}
