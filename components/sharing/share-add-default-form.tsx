"use client";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { setShareAllowAddDefaultAction } from "@/lib/actions/sharing/set-share-allow-add-default";

/** The workspace's default for a new grant's "recipients may add this to one of their workspaces". */
export function ShareAddDefaultForm({ workspaceId, allow }: { workspaceId: string; allow: boolean }) {
  const [checked, setChecked] = useState(allow);
  const [pending, start] = useTransition();
  return (
    <label className="flex max-w-lg items-start gap-2 text-sm text-zinc-700 dark:text-zinc-300">
      <input
        type="checkbox"
        className="mt-0.5"
        checked={checked}
        disabled={pending}
        onChange={(e) => {
          const next = e.target.checked;
          setChecked(next);
          start(async () => {
            const r = await setShareAllowAddDefaultAction({ workspaceId, allow: next });
            if (r.ok)
              toast.success(
                next ? "New grants let recipients add to their workspaces" : "New grants keep to their recipients",
              );
            else {
              setChecked(!next);
              toast.error(r.message);
            }
          });
        }}
      />
      <span>
        New grants let recipients add what is shared to one of their own workspaces
        <span className="block text-xs text-zinc-500">
          The default of the option in the share dialog; it can be changed on each grant. Existing grants keep theirs.
        </span>
      </span>
    </label>
  );
}
