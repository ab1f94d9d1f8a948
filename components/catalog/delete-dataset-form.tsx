"use client";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { deleteDatasetAction } from "@/lib/actions/catalog/delete-dataset";

/** Deletes a dataset with all its versions, after its URL name is typed to confirm. */
export function DeleteDatasetForm({
  datasetId,
  slug,
  name,
  catalogPath,
}: {
  datasetId: string;
  slug: string;
  name: string;
  catalogPath: string;
}) {
  const router = useRouter();
  const id = useId();
  const [confirm, setConfirm] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setPending(true);
    const result = await deleteDatasetAction(datasetId, confirm);
    setPending(false);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    toast.success(`Deleted “${name}”`);
    router.push(catalogPath);
    router.refresh();
  }

  return (
    <form onSubmit={submit} className="space-y-2">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Deletes the dataset and every version of its data, and ends everyone&apos;s access to it. This cannot be undone.
      </p>
      <label htmlFor={id} className="block text-sm font-medium">
        Type <span className="font-mono">{slug}</span> to confirm
      </label>
      <div className="flex flex-wrap gap-2">
        <input
          id={id}
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          autoComplete="off"
          className="min-w-0 rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
        />
        <Button type="submit" variant="danger" disabled={pending || confirm.trim().toLowerCase() !== slug}>
          {pending ? "Deleting…" : "Delete dataset"}
        </Button>
      </div>
      {error ? (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </form>
  );
}
