import "server-only";
import type { z } from "zod";
import type { SessionUser } from "@/lib/auth/session";
import type { Result } from "@/lib/util/result";
import { formObject, withUser } from "./with-user";

/**
 * The one way into a server action. Rule: every action is a public POST endpoint, so it runs only
 * for a signed-in user within their request budget (withUser), its input is parsed with the
 * action's zod schema before anything else runs (a failure is the Result's `invalid` with one
 * message per field), and every error leaves as a client-safe Result. Permissions stay in lib/access.
 */
export function defineAction<S extends z.ZodType, T>(
  schema: S,
  run: (input: z.output<S>, user: SessionUser) => Promise<T>,
): (input: z.input<S>) => Promise<Result<T>> {
  return async (input) => withUser(async (user) => run(schema.parse(input), user));
}

/** defineAction for a `<form action>` with useActionState: the form's text fields are the input. */
export function defineFormAction<S extends z.ZodType, T>(
  schema: S,
  run: (input: z.output<S>, user: SessionUser) => Promise<T>,
): (previous: unknown, form: FormData) => Promise<Result<T>> {
  const action = defineAction(schema, run);
  return async (_previous, form) => action(formObject(form) as z.input<S>);
}
