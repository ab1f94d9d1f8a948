"use client";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { SelectField, TextField } from "@/components/ui/field";
import { formatBytes, formatDate, formatNumber } from "@/lib/util/format";
import { useFileRequests } from "./use-file-requests";

const MB = 1024 * 1024;
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

type FieldErrors = Record<string, string>;

/**
 * "Request files" for a folder: a dialog that creates an upload-only link (a file request), shows
 * its URL to copy, and lists the folder's requests with what they received and a Revoke button.
 */
export function RequestFilesButton({ folderId, folderName }: { folderId: string; folderName: string }) {
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string>();
  const { list, create, revoke } = useFileRequests(folderId, open);

  const submit = (form: FormData) => {
    setErrors({});
    setError(undefined);
    const text = (name: string) => String(form.get(name) ?? "");
    const end = text("expiresOn");
    create.mutate(
      {
        folderId,
        title: text("title"),
        message: text("message"),
        expiresAt: end ? new Date(`${end}T23:59:59`) : undefined,
        audience: text("audience") === "signed-in" ? "signed-in" : "anyone",
        password: text("password"),
        maxFileBytes: Math.round(Number(text("maxFileMb")) * MB),
        maxFiles: Number(text("maxFiles")),
        subfolder: form.get("subfolder") === "on",
      },
      {
        onSuccess: ({ url }) => setCreated(url),
        onError: (e) => {
          const fieldErrors = (e as Error & { fieldErrors?: FieldErrors }).fieldErrors ?? {};
          setErrors(fieldErrors);
          setError(e.message);
        },
      },
    );
  };

  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Request files
      </Button>
      <Dialog
        open={open}
        onClose={() => {
          setOpen(false);
          setCreated(null);
          setErrors({});
          setError(undefined);
        }}
        title={`Request files into "${folderName || "All files"}"`}
        description="Anyone with the link (or signed-in people only) can send files here. They see nothing that is in the folder."
      >
        {created ? (
          <div className="space-y-3">
            <TextField label="File request link" readOnly value={created} onFocus={(e) => e.target.select()} />
            <div className="flex gap-2">
              <Button
                onClick={() =>
                  navigator.clipboard.writeText(created).then(
                    () => toast.success("Link copied"),
                    () => toast.error("Copying failed; select the link and copy it yourself."),
                  )
                }
              >
                Copy link
              </Button>
              <Button variant="secondary" onClick={() => setCreated(null)}>
                Create another
              </Button>
            </div>
          </div>
        ) : (
          <form action={submit} className="space-y-3">
            <TextField
              label="Title"
              name="title"
              required
              maxLength={120}
              defaultValue={`Files for ${folderName || "this folder"}`}
              error={errors.title}
            />
            <div className="space-y-1">
              <label htmlFor="file-request-message" className="block text-sm font-medium">
                Message to uploaders (optional)
              </label>
              <textarea
                id="file-request-message"
                name="message"
                maxLength={2000}
                rows={2}
                className="block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
              />
              {errors.message && <p className="text-sm text-red-600">{errors.message}</p>}
            </div>
            <div className="grid grid-cols-2 gap-3">
              <TextField
                label="Largest file (MB)"
                name="maxFileMb"
                type="number"
                min={0.001}
                step="any"
                required
                defaultValue={100}
                error={errors.maxFileBytes}
              />
              <TextField
                label="Files in total"
                name="maxFiles"
                type="number"
                min={1}
                step={1}
                required
                defaultValue={10}
                error={errors.maxFiles}
              />
              <TextField
                label="Open until"
                name="expiresOn"
                type="date"
                min={inDays(0)}
                defaultValue={inDays(7)}
                error={errors.expiresAt}
              />
              <SelectField label="Who can send files" name="audience" defaultValue="anyone">
                <option value="anyone">Anyone with the link</option>
                <option value="signed-in">Signed-in people with the link</option>
              </SelectField>
            </div>
            <TextField
              label="Password (optional)"
              name="password"
              type="password"
              autoComplete="new-password"
              error={errors.password}
            />
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="subfolder" /> Put the files in a new subfolder named after the title
            </label>
            {error && !Object.keys(errors).length ? (
              <p role="alert" className="text-sm text-red-600">
                {error}
              </p>
            ) : null}
            <Button type="submit" disabled={create.isPending}>
              {create.isPending ? "Creating…" : "Create file request"}
            </Button>
          </form>
        )}
        <section className="mt-5 border-t border-zinc-200 pt-3 dark:border-zinc-800">
          <h3 className="mb-2 text-sm font-semibold">File requests for this folder</h3>
          {list.isPending ? (
            <p className="text-sm text-zinc-500">Loading…</p>
          ) : list.isError ? (
            <p className="text-sm text-red-600">{list.error.message}</p>
          ) : list.data.length === 0 ? (
            <p className="text-sm text-zinc-500">None yet.</p>
          ) : (
            <ul className="max-h-48 divide-y divide-zinc-200 overflow-y-auto text-sm dark:divide-zinc-800">
              {list.data.map((r) => (
                <li key={r.id} className="flex items-center justify-between gap-3 py-2">
                  <div className="min-w-0">
                    <p className="truncate font-medium">{r.title}</p>
                    <p className="text-xs text-zinc-500">
                      {formatNumber(r.received)} of {formatNumber(r.maxFiles)} files received · up to{" "}
                      {formatBytes(r.maxFileBytes)} each · {r.audience === "anyone" ? "anyone" : "signed-in only"}
                      {r.hasPassword ? " · password" : ""} ·{" "}
                      {r.active ? `open until ${formatDate(r.expiresAt)}` : r.revokedAt ? "revoked" : "ended"}
                    </p>
                  </div>
                  {r.active ? (
                    <Button
                      variant="ghost"
                      aria-label={`Revoke ${r.title}`}
                      disabled={revoke.isPending}
                      onClick={() =>
                        revoke.mutate(r.id, {
                          onSuccess: () => toast.success("File request revoked"),
                          onError: (e) => toast.error(e.message),
                        })
                      }
                    >
                      Revoke
                    </Button>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      </Dialog>
    </>
  );
}
