"use client";
import * as Dialog from "@radix-ui/react-dialog";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { deleteWorkspaceAction } from "@/lib/actions/workspaces/delete-workspace";

export function DeleteWorkspaceDialog({ workspaceId, slug }: { workspaceId: string; slug: string }) {
  const [open, setOpen] = useState(false);
  const [confirm, setConfirm] = useState("");
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const router = useRouter();

  function onDelete() {
    startTransition(async () => {
      const result = await deleteWorkspaceAction(workspaceId, confirm);
      if (!result.ok) {
        setError(result.fieldErrors?.confirm ?? result.message);
        return;
      }
      toast.success("Workspace deleted");
      setOpen(false);
      router.push(result.data.url);
    });
  }

  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>
        <Button variant="danger">Delete workspace…</Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <Dialog.Content className="fixed left-1/2 top-1/2 z-50 w-full max-w-md -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-6 shadow-xl dark:bg-zinc-900">
          <Dialog.Title className="text-lg font-semibold">Delete this workspace?</Dialog.Title>
          <Dialog.Description className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
            Everything in it is deleted for good and everyone loses access. Type <strong>{slug}</strong> to confirm.
          </Dialog.Description>
          <div className="mt-4">
            <TextField
              label="Workspace URL name"
              value={confirm}
              onChange={(e) => setConfirm(e.target.value)}
              error={error}
              autoFocus
            />
          </div>
          <div className="mt-6 flex justify-end gap-2">
            <Dialog.Close asChild>
              <Button variant="secondary">Cancel</Button>
            </Dialog.Close>
            <Button variant="danger" onClick={onDelete} disabled={pending || confirm.trim() !== slug}>
              {pending ? "Deleting…" : "Delete workspace"}
            </Button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
