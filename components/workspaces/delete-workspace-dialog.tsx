"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { DialogClose, DialogDescription, DialogShell, DialogTitle } from "@/components/ui/dialog";
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
    <DialogShell
      open={open}
      onOpen={() => setOpen(true)}
      onClose={() => setOpen(false)}
      trigger={<Button variant="danger">Delete workspace…</Button>}
    >
      <DialogTitle>Delete this workspace?</DialogTitle>
      <DialogDescription className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
        Everything in it is deleted for good and everyone loses access. Type <strong>{slug}</strong> to confirm.
      </DialogDescription>
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
        <DialogClose asChild>
          <Button variant="secondary">Cancel</Button>
        </DialogClose>
        <Button variant="danger" onClick={onDelete} disabled={pending || confirm.trim() !== slug}>
          {pending ? "Deleting…" : "Delete workspace"}
        </Button>
      </div>
    </DialogShell>
  );
}
