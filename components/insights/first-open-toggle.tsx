"use client";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { setFirstOpenNoticeAction } from "@/lib/actions/insights/set-first-open-notice";
import { formatDateTime } from "@/lib/util/format";

type Props = {
  target: "link" | "share";
  id: string;
  notify: boolean;
  firstOpenedAt: string | null;
  /** what the checkbox says, e.g. "E-mail me when this link is first opened" */
  label: string;
};

/** The per-link / per-grant opt-in for the one e-mail on first open; spent once the first open happened. */
export function FirstOpenToggle({ target, id, notify, firstOpenedAt, label }: Props) {
  const [checked, setChecked] = useState(notify);
  const [pending, start] = useTransition();
  if (firstOpenedAt) {
    return <p className="text-sm text-zinc-600 dark:text-zinc-400">First opened {formatDateTime(firstOpenedAt)}.</p>;
  }
  return (
    <label className="flex items-start gap-2 text-sm text-zinc-700 dark:text-zinc-300">
      <input
        type="checkbox"
        className="mt-0.5"
        checked={checked}
        disabled={pending}
        onChange={(e) => {
          const next = e.target.checked;
          setChecked(next);
          start(async () => {
            const r = await setFirstOpenNoticeAction({ target, id, notify: next });
            if (r.ok) toast.success(next ? "You will get one e-mail on the first open" : "No e-mail on the first open");
            else {
              setChecked(!next);
              toast.error(r.message);
            }
          });
        }}
      />
      <span>
        {label}
        <span className="block text-xs text-zinc-500">
          One e-mail to whoever created it, the first time someone else opens it.
        </span>
      </span>
    </label>
  );
}
