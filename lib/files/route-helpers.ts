import "server-only";
import type { Actor } from "@/lib/access";
import { getSessionUser } from "@/lib/auth/session";
import { statusOf, toFailure } from "@/lib/util/result";

/** A JSON error in the shape every API route returns. */
export function errorResponse(error: unknown): Response {
  const failure = toFailure(error);
  return Response.json({ error: failure.message, code: failure.code, fieldErrors: failure.fieldErrors }, { status: statusOf(failure), headers: { "Cache-Control": "no-store" } });
}

/**
 * Runs a route handler for the signed-in user (401 otherwise), mapping service errors to their
 * statuses. Permissions are checked by the services, never here.
 */
export async function asUser(handler: (actor: Actor) => Promise<Response>): Promise<Response> {
  const user = await getSessionUser();
  if (!user) return Response.json({ error: "Sign in to continue.", code: "unauthenticated" }, { status: 401 });
  try {
    return await handler(user);
  } catch (error) {
    return errorResponse(error);
  }
}

/** JSON that is never cached (listings change with every upload, rename and move). */
export function noStoreJson(data: unknown): Response {
  return Response.json(data, { headers: { "Cache-Control": "no-store" } });
}
