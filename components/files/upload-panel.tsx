"use client";
import { useRef } from "react";
import { Button } from "@/components/ui/button";
import { formatBytes } from "@/lib/util/format";
import type { InterruptedUpload, PickedFile, UploadItem, Uploads } from "./use-uploads";

const percent = (sent: number, size: number) => (size === 0 ? 100 : Math.floor((Math.min(sent, size) / size) * 100));

function ProgressBar({
  value,
  label,
  tone = "brand",
}: {
  value: number;
  label: string;
  tone?: "brand" | "red" | "green";
}) {
  const colour = tone === "red" ? "bg-red-500" : tone === "green" ? "bg-emerald-500" : "bg-brand-600";
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={value}
      className="h-1.5 w-full overflow-hidden rounded bg-zinc-200 dark:bg-zinc-800"
    >
      <div className={`h-full ${colour} transition-[width]`} style={{ width: `${value}%` }} />
    </div>
  );
}

const STATUS_TEXT: Record<UploadItem["status"], string> = {
  queued: "Waiting",
  uploading: "Uploading",
  done: "Uploaded",
  skipped: "Skipped (name taken)",
  error: "Failed",
  cancelled: "Cancelled",
};

/** Upload progress: one bar per file and one for all, cancel and retry, and uploads a reload interrupted. */
export function UploadPanel({
  uploads,
  onResume,
}: {
  uploads: Uploads;
  onResume: (upload: InterruptedUpload, picked: PickedFile) => void;
}) {
  const { items, total, interrupted } = uploads;
  if (items.length === 0 && interrupted.length === 0) return null;
  const active = items.some((i) => i.status === "uploading" || i.status === "queued");
  return (
    <section
      aria-label="Uploads"
      className="rounded-lg border border-zinc-200 bg-white p-3 text-sm shadow-sm dark:border-zinc-800 dark:bg-zinc-900"
    >
      {items.length ? (
        <>
          <div className="mb-2 flex items-center gap-3">
            <h2 className="font-semibold">{active ? "Uploading" : "Uploads"}</h2>
            <span className="text-xs text-zinc-500">
              {formatBytes(total.sent)} of {formatBytes(total.bytes)}
            </span>
            {!active ? (
              <Button variant="ghost" className="ml-auto !px-2 !py-1 text-xs" onClick={uploads.clearFinished}>
                Clear
              </Button>
            ) : null}
          </div>
          <ProgressBar value={percent(total.sent, total.bytes)} label="Total upload progress" />
          <ul className="mt-3 max-h-60 space-y-2 overflow-y-auto">
            {items.map((item) => (
              <li key={item.key} data-testid="upload-item" data-status={item.status} className="space-y-1">
                <div className="flex items-center gap-2">
                  <span className="min-w-0 flex-1 truncate" title={item.relativePath}>
                    {item.relativePath}
                  </span>
                  <span className="shrink-0 text-xs text-zinc-500">
                    {STATUS_TEXT[item.status]}
                    {item.status === "uploading" ? ` ${percent(item.sent, item.size)}%` : ""}
                    {item.resumedFrom && item.resumedFrom > 0
                      ? ` · resumed at ${percent(item.resumedFrom, item.size)}%`
                      : ""}
                    {item.outcome && item.outcome.status === "renamed" ? ` as “${item.outcome.name}”` : ""}
                    {item.outcome && item.outcome.status === "replaced" ? " (replaced the old one)" : ""}
                  </span>
                  {item.status === "uploading" || item.status === "queued" ? (
                    <Button
                      variant="ghost"
                      className="!px-2 !py-0.5 text-xs"
                      onClick={() => uploads.cancel(item.key)}
                      aria-label={`Cancel ${item.name}`}
                    >
                      Cancel
                    </Button>
                  ) : null}
                  {item.status === "error" ? (
                    <Button
                      variant="ghost"
                      className="!px-2 !py-0.5 text-xs"
                      onClick={() => uploads.retry(item.key)}
                      aria-label={`Retry ${item.name}`}
                    >
                      Retry
                    </Button>
                  ) : null}
                </div>
                <ProgressBar
                  value={percent(item.sent, item.size)}
                  label={`${item.name} upload progress`}
                  tone={item.status === "error" ? "red" : item.status === "done" ? "green" : "brand"}
                />
                {item.error ? (
                  <p role="alert" className="text-xs text-red-600 dark:text-red-400">
                    {item.error}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {interrupted.length ? (
        <div className={items.length ? "mt-3 border-t border-zinc-200 pt-3 dark:border-zinc-800" : ""}>
          <h2 className="font-semibold">Interrupted uploads</h2>
          <p className="text-xs text-zinc-500">Choose the same file again to continue where it stopped.</p>
          <ul className="mt-2 space-y-1">
            {interrupted.map((u) => (
              <InterruptedRow key={u.storageKey} upload={u} uploads={uploads} onResume={onResume} />
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

function InterruptedRow({
  upload,
  uploads,
  onResume,
}: {
  upload: InterruptedUpload;
  uploads: Uploads;
  onResume: (upload: InterruptedUpload, picked: PickedFile) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <li className="flex items-center gap-2">
      <span className="min-w-0 flex-1 truncate">
        {upload.relativePath}
        {upload.size !== null ? ` (${formatBytes(upload.size)})` : ""}
      </span>
      <input
        ref={input}
        type="file"
        className="sr-only"
        aria-label={`Choose ${upload.name} to resume`}
        tabIndex={-1}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) onResume(upload, { file, relativePath: upload.relativePath });
          e.target.value = "";
        }}
      />
      <Button variant="secondary" className="!px-2 !py-0.5 text-xs" onClick={() => input.current?.click()}>
        Resume…
      </Button>
      <Button variant="ghost" className="!px-2 !py-0.5 text-xs" onClick={() => void uploads.discardInterrupted(upload)}>
        Discard
      </Button>
    </li>
  );
}
