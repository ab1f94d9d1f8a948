"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { deleteForeverAction } from "@/lib/actions/files/delete-forever";
import { emptyTrashAction } from "@/lib/actions/files/empty-trash";
import { restoreEntriesAction } from "@/lib/actions/files/restore-entries";
import { formatBytes, formatDateTime } from "@/lib/util/format";
import { fetchTrash, filesKeys, unwrap } from "./api";
import { EntryIcon } from "./icons";
import { Dialog } from "@/components/ui/dialog";

/** The workspace's trash: what was deleted, from where and by whom; managers restore or delete for good. */
export function TrashView({ workspaceId, canManage }: { workspaceId: string; canManage: boolean }) {
  const client = useQueryClient();
  const trash = useQuery({ queryKey: filesKeys.trash(workspaceId), queryFn: () => fetchTrash(workspaceId) });
  const [confirmEmpty, setConfirmEmpty] = useState(false);
  const done = () => client.invalidateQueries({ queryKey: filesKeys.all });
  const restore = useMutation({
    mutationFn: (ids: string[]) => unwrap(restoreEntriesAction({ ids })),
    onSuccess: (r) =>
      toast.success(
        `Restored ${r.restored} item${r.restored === 1 ? "" : "s"}${r.renamed.length ? ` (${r.renamed.map((n) => `“${n.from}” as “${n.to}”`).join(", ")})` : ""}.`,
      ),
    onError: (e) => toast.error(e.message),
    onSettled: done,
  });
  const remove = useMutation({
    mutationFn: (ids: string[]) => unwrap(deleteForeverAction({ ids })),
    onSuccess: (r) =>
      toast.success(`Deleted ${r.deleted} item${r.deleted === 1 ? "" : "s"} for good (${formatBytes(r.bytes)} freed).`),
    onError: (e) => toast.error(e.message),
    onSettled: done,
  });
  const empty = useMutation({
    mutationFn: () => unwrap(emptyTrashAction({ workspaceId })),
    onSuccess: (r) => toast.success(`Trash emptied: ${formatBytes(r.bytes)} freed.`),
    onError: (e) => toast.error(e.message),
    onSettled: () => {
      setConfirmEmpty(false);
      return done();
    },
  });

  if (trash.isPending) return <p className="py-6 text-sm text-zinc-500">Loading the trash…</p>;
  if (trash.isError)
    return (
      <p role="alert" className="py-6 text-sm text-red-600 dark:text-red-400">
        {trash.error.message}
      </p>
    );
  const rows = trash.data.entries;
  if (rows.length === 0)
    return (
      <EmptyState title="The trash is empty">
        Deleted files and folders appear here until a manager empties the trash.
      </EmptyState>
    );
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {canManage
            ? "Restore items to where they were, or delete them for good."
            : "Only the workspace owner and admins can restore or empty the trash."}
        </p>
        {canManage ? (
          <Button variant="danger" className="ml-auto" onClick={() => setConfirmEmpty(true)}>
            Empty trash
          </Button>
        ) : null}
      </div>
      <ul className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900">
        {rows.map((row) => (
          <li key={row.id} data-testid="trash-row" className="flex flex-wrap items-center gap-3 px-3 py-2 text-sm">
            <EntryIcon kind={row.kind} name={row.name} />
            <div className="min-w-0 flex-1">
              <p className="truncate font-medium">{row.name}</p>
              <p className="truncate text-xs text-zinc-500">
                from {row.originalPath} · deleted {formatDateTime(row.trashedAt)}
                {row.trashedBy ? ` by ${row.trashedBy}` : ""}
                {row.size !== null ? ` · ${formatBytes(row.size)}` : ""}
              </p>
            </div>
            {canManage ? (
              <div className="flex gap-2">
                <Button
                  variant="secondary"
                  disabled={restore.isPending}
                  onClick={() => restore.mutate([row.id])}
                  aria-label={`Restore ${row.name}`}
                >
                  Restore
                </Button>
                <Button
                  variant="ghost"
                  disabled={remove.isPending}
                  onClick={() => remove.mutate([row.id])}
                  aria-label={`Delete ${row.name} for good`}
                >
                  Delete for good
                </Button>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      <Dialog
        open={confirmEmpty}
        onClose={() => setConfirmEmpty(false)}
        title="Empty the trash?"
        description={`${rows.length} item${rows.length === 1 ? "" : "s"} and everything in them will be deleted for good. This cannot be undone.`}
      >
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setConfirmEmpty(false)}>
            Cancel
          </Button>
          <Button variant="danger" disabled={empty.isPending} onClick={() => empty.mutate()}>
            {empty.isPending ? "Emptying…" : "Empty trash"}
          </Button>
        </div>
      </Dialog>
    </div>
  );
}
