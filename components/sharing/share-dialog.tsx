"use client";
import * as Dialog from "@radix-ui/react-dialog";
import { useState, type ReactNode } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { shareResourceAction } from "@/lib/actions/sharing/share-resource";
import type { ResourceType, ShareRole } from "@/lib/sharing/schemas";
import { AccessLinksPanel } from "./access-links-panel";
import { AccessList } from "./access-list";
import { GranteeInput } from "./grantee-input";
import { HistoryPanel } from "./history-panel";
import { PreviewAsPanel } from "./preview-as-panel";
import { useAccess } from "./use-access";
import { VisibilityToggle } from "./visibility-toggle";

type Tab = "people" | "links" | "history";
const TABS: { id: Tab; label: string }[] = [
  { id: "people", label: "People" },
  { id: "links", label: "Access links" },
  { id: "history", label: "History" },
];

export type ShareDialogProps = {
  type: ResourceType;
  id: string;
  name: string;
  /** extra sections rendered under the access list */
  children?: ReactNode;
  trigger?: ReactNode;
};

/**
 * Share a resource (managers only): add people, e-mails or a workspace with a role; see and
 * change who has access, preview what a grantee sees, set a dataset's visibility, manage
 * read-only access links and read the sharing history.
 */
export function ShareDialog({ type, id, name, children, trigger }: ShareDialogProps) {
  const [open, setOpen] = useState(false);
  const [grantees, setGrantees] = useState<string[]>([]);
  const [role, setRole] = useState<ShareRole>("viewer");
  const [note, setNote] = useState("");
  const [expires, setExpires] = useState("");
  const [workspace, setWorkspace] = useState("");
  // unset until the sharer touches it: the workspace's default applies
  const [allowAdd, setAllowAdd] = useState<boolean | undefined>(undefined);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  const [tab, setTab] = useState<Tab>("people");
  const [previewing, setPreviewing] = useState<string | null>(null);
  const access = useAccess(type, id, open);

  async function submit() {
    const all = [...grantees, ...(workspace ? [`workspace:${workspace}`] : [])];
    if (all.length === 0) {
      setError("Add at least one person, e-mail address or workspace.");
      return;
    }
    setPending(true);
    setError(undefined);
    const result = await shareResourceAction({
      type,
      id,
      grantees: all,
      role,
      note: note || undefined,
      expiresAt: expires ? new Date(`${expires}T23:59:59`) : undefined,
      allowAddToWorkspace: allowAdd ?? access.query.data?.allowAddDefault ?? false,
    });
    setPending(false);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    toast.success(`Shared with ${result.data.map((o) => o.grantee).join(", ")}`);
    setGrantees([]);
    setNote("");
    setExpires("");
    setWorkspace("");
    setAllowAdd(undefined);
    await access.invalidate();
  }

  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>{trigger ?? <Button variant="secondary">Share</Button>}</Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <Dialog.Content className="fixed inset-x-2 top-4 z-50 mx-auto max-h-[calc(100vh-2rem)] max-w-xl overflow-y-auto rounded-lg bg-white p-5 shadow-xl sm:top-12 dark:bg-zinc-900">
          <Dialog.Title className="text-lg font-semibold">Share “{name}”</Dialog.Title>
          <Dialog.Description className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            People without an account get an invitation by e-mail. Viewers can read and download; editors can also
            change content.
          </Dialog.Description>
          <div
            role="tablist"
            aria-label="Sharing"
            className="mt-4 flex gap-1 border-b border-zinc-200 dark:border-zinc-800"
          >
            {TABS.map((t) => (
              <button
                key={t.id}
                role="tab"
                type="button"
                aria-selected={tab === t.id}
                onClick={() => setTab(t.id)}
                className={`-mb-px border-b-2 px-3 py-1.5 text-sm ${tab === t.id ? "border-indigo-600 font-medium text-indigo-700 dark:text-indigo-300" : "border-transparent text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100"}`}
              >
                {t.label}
              </button>
            ))}
          </div>
          {tab === "people" ? (
            <div role="tabpanel" aria-label="People">
              <div className="mt-4 space-y-3">
                <GranteeInput value={grantees} onChange={setGrantees} />
                {access.query.data?.workspaces.length ? (
                  <SelectField
                    label="Or share with a workspace"
                    value={workspace}
                    onChange={(e) => setWorkspace(e.target.value)}
                  >
                    <option value="">—</option>
                    {access.query.data.workspaces.map((w) => (
                      <option key={w.id} value={w.id}>
                        {w.name} ({w.label})
                      </option>
                    ))}
                  </SelectField>
                ) : null}
                <div className="grid gap-3 sm:grid-cols-2">
                  <SelectField label="Role" value={role} onChange={(e) => setRole(e.target.value as ShareRole)}>
                    <option value="viewer">Viewer</option>
                    <option value="editor">Editor</option>
                  </SelectField>
                  <TextField
                    label="Access ends (optional)"
                    type="date"
                    value={expires}
                    min={new Date().toISOString().slice(0, 10)}
                    onChange={(e) => setExpires(e.target.value)}
                  />
                </div>
                <TextField
                  label="Note (optional)"
                  value={note}
                  maxLength={1000}
                  onChange={(e) => setNote(e.target.value)}
                  placeholder="Added to the e-mail"
                />
                <label className="flex items-start gap-2 text-sm text-zinc-700 dark:text-zinc-300">
                  <input
                    type="checkbox"
                    className="mt-0.5"
                    checked={allowAdd ?? access.query.data?.allowAddDefault ?? false}
                    onChange={(e) => setAllowAdd(e.target.checked)}
                  />
                  <span>
                    Recipients may add this to one of their workspaces
                    <span className="block text-xs text-zinc-500">
                      Its members then get the same access or less; you see them under Who has access and are told by
                      e-mail.
                    </span>
                  </span>
                </label>
                {error ? (
                  <p role="alert" className="text-sm text-red-600 dark:text-red-400">
                    {error}
                  </p>
                ) : null}
                <div className="flex justify-end">
                  <Button onClick={submit} disabled={pending}>
                    {pending ? "Sharing…" : "Share"}
                  </Button>
                </div>
              </div>
              <h3 className="mt-6 text-sm font-semibold">Who has access</h3>
              {access.query.isPending ? (
                <p className="py-4 text-sm text-zinc-500">Loading…</p>
              ) : access.query.isError ? (
                <p role="alert" className="py-4 text-sm text-red-600">
                  {access.query.error.message}
                </p>
              ) : (
                <AccessList rows={access.query.data.rows} access={access} onPreview={setPreviewing} />
              )}
              {previewing ? (
                <PreviewAsPanel type={type} id={id} shareId={previewing} onClose={() => setPreviewing(null)} />
              ) : null}
              {type === "dataset" && access.query.data?.visibility ? (
                <VisibilityToggle datasetId={id} visibility={access.query.data.visibility} />
              ) : null}
              {children}
            </div>
          ) : tab === "links" ? (
            <div role="tabpanel" aria-label="Access links">
              <AccessLinksPanel type={type} id={id} />
            </div>
          ) : (
            <div role="tabpanel" aria-label="History">
              <HistoryPanel type={type} id={id} />
            </div>
          )}
          <div className="mt-4 flex justify-end">
            <Dialog.Close asChild>
              <Button variant="secondary">Done</Button>
            </Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
