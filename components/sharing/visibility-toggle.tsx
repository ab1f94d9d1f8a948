"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { toast } from "sonner";
import { RequestFormEditor } from "@/components/requests/request-form-editor";
import { setVisibilityAction } from "@/lib/actions/sharing/set-visibility";
import type { ResourceAccessView } from "@/lib/sharing/resource-access";
import { sharingKeys } from "./api";

const LABELS = { private: "Private", listed: "Listed", public: "Public" } as const;

// One line for the chosen option, so the three choices fit in one row of the share dialog.
const MEANING: Record<string, string> = {
  private: "Only people with access can open it.",
  listed: "Everyone signed in sees its card (no rows) in Discover and may request access.",
  public: "Every signed-in user can read it.",
};

const DONE: Record<string, string> = {
  private: "Only people with access can read this dataset now",
  listed: "Listed: everyone signed in sees its card in Discover and may request access",
  public: "Every signed-in user can now read this dataset",
};

/**
 * A dataset's visibility: private, listed (its card, not its rows, shown to every signed-in user, who
 * may request access; the managers set the questions and terms here) or public (readable by everyone).
 */
export function VisibilityToggle({ datasetId, visibility }: { datasetId: string; visibility: string }) {
  const client = useQueryClient();
  const accessKey = sharingKeys.access("dataset", datasetId);
  // The value just chosen, held from the click's own event until the access list shows it: the radio and the
  // request form editor (with whatever is typed in it) must not fall back to the old value in between. Clearing
  // it when the save settled was not enough: the query cache tells this component of new data a task later
  // (TanStack batches its notifications), so React rendered once with no choice and the old visibility, put the
  // radio back and mounted the form editor again, empty.
  const [chosen, setChosen] = useState<string | null>(null);
  if (chosen !== null && chosen === visibility) setChosen(null);
  const change = useMutation({
    mutationFn: async (next: string) => {
      const result = await setVisibilityAction({ datasetId, visibility: next });
      if (!result.ok) throw new Error(result.message);
      return result.data;
    },
    onSuccess: (next) => {
      // The saved value is the list's visibility now, whether its refetch is slow or fails.
      client.setQueryData<ResourceAccessView>(accessKey, (old) => (old ? { ...old, visibility: next } : old));
      toast.success(DONE[next] ?? "Visibility changed");
    },
    onError: (error: Error) => {
      setChosen(null);
      toast.error(error.message);
    },
    onSettled: () => client.invalidateQueries({ queryKey: accessKey }),
  });
  const current = chosen ?? visibility;
  const meaning = useId();
  return (
    <fieldset className="mt-4 rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
      <legend className="px-1 text-sm font-semibold">Visibility</legend>
      <div className="flex flex-wrap gap-x-5 gap-y-1 text-sm">
        {(["private", "listed", "public"] as const).map((v) => (
          <label key={v} className="flex items-center gap-2">
            <input
              type="radio"
              name={`visibility-${datasetId}`}
              value={v}
              checked={current === v}
              disabled={change.isPending}
              onChange={() => {
                setChosen(v);
                change.mutate(v);
              }}
              aria-describedby={meaning}
            />
            {LABELS[v]}
          </label>
        ))}
      </div>
      <p id={meaning} className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
        {MEANING[current ?? visibility] ?? ""} Grants stay as they are; an editor grant still lets that person write.
      </p>
      {current === "listed" ? <RequestFormEditor datasetId={datasetId} /> : null}
    </fieldset>
  );
}
