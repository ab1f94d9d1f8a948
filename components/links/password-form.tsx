"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { type UnlockState, unlockLinkAction } from "@/lib/actions/links/unlock";

/** Asks for an access link's password; the server action sets the unlock cookie. */
export function LinkPasswordForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState<UnlockState, FormData>(unlockLinkAction.bind(null, token), {});
  return (
    <form action={action} className="space-y-4">
      <TextField label="Password" name="password" type="password" autoComplete="off" autoFocus required />
      {state.error ? (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {state.error}
        </p>
      ) : null}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Checking…" : "Open"}
      </Button>
    </form>
  );
}
