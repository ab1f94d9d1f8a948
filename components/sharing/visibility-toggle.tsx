"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { setVisibilityAction } from "@/lib/actions/sharing/set-visibility";
import { sharingKeys } from "./api";

/** Private/public switch for a dataset; public means every signed-in user can read it. */
export function VisibilityToggle({ datasetId, visibility }: { datasetId: string; visibility: string }) {
  const client = useQueryClient();
  const change = useMutation({
    mutationFn: async (next: string) => {
      const result = await setVisibilityAction({ datasetId, visibility: next });
      if (!result.ok) throw new Error(result.message);
      return result.data;
    },
    onSuccess: (next) =>
      toast.success(
        next === "public"
          ? "Every signed-in user can now read this dataset"
          : "Only people with access can read this dataset now",
      ),
    onError: (error: Error) => toast.error(error.message),
    onSettled: () => client.invalidateQueries({ queryKey: sharingKeys.access("dataset", datasetId) }),
  });
  const current = change.isPending ? change.variables : visibility;
  return (
    <fieldset className="mt-4 rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
      <legend className="px-1 text-sm font-semibold">Visibility</legend>
      <div className="flex flex-wrap gap-4 text-sm">
        {(["private", "public"] as const).map((v) => (
          <label key={v} className="flex items-center gap-2">
            <input
              type="radio"
              name={`visibility-${datasetId}`}
              value={v}
              checked={current === v}
              disabled={change.isPending}
              onChange={() => change.mutate(v)}
            />
            {v === "private" ? "Private: only people with access" : "Public: every signed-in user can read"}
          </label>
        ))}
      </div>
      <p className="mt-1 text-xs text-zinc-500">
        Grants are kept either way; an editor grant still lets that person write.
      </p>
    </fieldset>
  );
}
