"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { fieldError, useActionResult } from "@/components/ui/use-action-result";
import { updateShareEmailAction } from "@/lib/actions/sharing/update-share-email";

/** The workspace's share e-mail: a custom subject and an intro paragraph above the standard text. */
export function ShareEmailForm({
  workspaceId,
  subject,
  intro,
}: {
  workspaceId: string;
  subject: string;
  intro: string;
}) {
  const [result, action, pending] = useActionState(updateShareEmailAction.bind(null, workspaceId), null);
  useActionResult(result, "Share e-mail saved");
  return (
    <form action={action} className="max-w-lg space-y-4">
      <TextField
        label="Subject (optional)"
        name="subject"
        defaultValue={subject}
        maxLength={200}
        placeholder="{sharer} shared {resource} with you"
        hint="{sharer} and {resource} are filled in. Empty: the default subject."
        error={fieldError(result, "subject")}
      />
      <div className="space-y-1">
        <label htmlFor="share-intro" className="block text-sm font-medium text-zinc-700 dark:text-zinc-300">
          Introduction (optional)
        </label>
        <textarea
          id="share-intro"
          name="intro"
          defaultValue={intro}
          maxLength={2000}
          rows={3}
          className="block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
          placeholder="A paragraph at the top of every share e-mail from this workspace"
        />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save e-mail"}
      </Button>
    </form>
  );
}
