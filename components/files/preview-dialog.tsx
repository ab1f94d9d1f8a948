"use client";
import { useQuery } from "@tanstack/react-query";
import type { KeyboardEvent, ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";
import { DialogClose, DialogDescription, DialogShell, DialogTitle } from "@/components/ui/dialog";
import { type EntryRow, TEXT_PREVIEW_BYTES } from "@/lib/files/entry-types";
import { formatBytes, formatNumber } from "@/lib/util/format";
import { downloadUrl, fetchTable, fetchText, filesKeys } from "./api";

type Props = {
  entry: EntryRow | null;
  linkToken?: string;
  onClose: () => void;
  /** extra buttons in the header (share, open as dataset) */
  actions?: ReactNode;
  /** false for view-only access: the preview without a download */
  canDownload: boolean;
  /** the folder's files around this one, in the listing's order */
  siblings?: Siblings;
};

/** Stepping through the folder's files: where this one is, and how to reach its neighbours (absent at the ends). */
export type Siblings = { position: number; count: number; onPrevious?: () => void; onNext?: () => void };

// Arrow keys belong to what is being typed in or played; everywhere else they step between files.
function stepsFiles(event: KeyboardEvent<HTMLElement>): boolean {
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return false;
  const target = event.target as HTMLElement;
  return !target.closest("input, textarea, select, video, audio, [contenteditable]");
}

/** A file's preview (image, PDF, text, table, media, or a "no preview" card) with its download. */
export function PreviewDialog({ entry, linkToken, canDownload, onClose, actions, siblings }: Props) {
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!siblings || !stepsFiles(event)) return;
    const step =
      event.key === "ArrowLeft" ? siblings.onPrevious : event.key === "ArrowRight" ? siblings.onNext : undefined;
    if (!step) return;
    event.preventDefault();
    step();
  };
  return (
    <DialogShell open={entry !== null} onClose={onClose} size="large">
      {entry ? (
        <div className="flex min-h-0 flex-1 flex-col" onKeyDown={onKeyDown}>
          <div className="flex flex-wrap items-center gap-3 border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
            {siblings ? <SiblingButtons siblings={siblings} /> : null}
            <div className="min-w-0 flex-1">
              <DialogTitle className="truncate text-base font-semibold">{entry.name}</DialogTitle>
              <DialogDescription className="text-xs text-zinc-500">
                {entry.typeLabel} · {formatBytes(entry.size ?? 0)}
                {entry.modifiedBy ? ` · modified by ${entry.modifiedBy}` : ""}
              </DialogDescription>
            </div>
            {actions}
            {canDownload ? (
              <a href={downloadUrl(entry.id, linkToken)} download={entry.name} className={buttonClass("secondary")}>
                Download
              </a>
            ) : null}
            <DialogClose className={buttonClass("ghost")} aria-label="Close preview">
              ✕
            </DialogClose>
          </div>
          <div className="min-h-0 flex-1 overflow-auto bg-zinc-50 dark:bg-zinc-950">
            <PreviewBody entry={entry} linkToken={linkToken} canDownload={canDownload} />
          </div>
        </div>
      ) : null}
    </DialogShell>
  );
}

/** Previous / next file, with "3 of 12" between them; the arrow keys do the same. */
function SiblingButtons({ siblings }: { siblings: Siblings }) {
  const { position, count, onPrevious, onNext } = siblings;
  // aria-disabled, not disabled: a button that keeps focus at the end of the list keeps the arrow keys working.
  const step =
    "rounded px-2 py-1 text-lg leading-none text-zinc-700 hover:bg-zinc-100 aria-disabled:cursor-default aria-disabled:opacity-40 aria-disabled:hover:bg-transparent dark:text-zinc-300 dark:hover:bg-zinc-800";
  return (
    <div className="flex items-center gap-1" role="group" aria-label="Files in this folder">
      <button
        type="button"
        className={step}
        aria-label="Previous file"
        aria-disabled={!onPrevious}
        onClick={onPrevious}
      >
        <span aria-hidden>‹</span>
      </button>
      <span className="min-w-14 text-center text-xs tabular-nums text-zinc-600 dark:text-zinc-400" aria-live="polite">
        {formatNumber(position)} of {formatNumber(count)}
      </span>
      <button type="button" className={step} aria-label="Next file" aria-disabled={!onNext} onClick={onNext}>
        <span aria-hidden>›</span>
      </button>
    </div>
  );
}

/** The preview itself, for the dialog and for pages that show one file (file links). */
export function PreviewBody({
  entry,
  linkToken,
  canDownload,
}: {
  entry: EntryRow;
  linkToken?: string;
  canDownload: boolean;
}) {
  const src = downloadUrl(entry.id, linkToken, true);
  switch (entry.preview) {
    case "image":
      return (
        <div className="flex h-full items-center justify-center p-4">
          {/* eslint-disable-next-line @next/next/no-img-element -- user content from our own download route, not an optimisable static image */}
          <img src={src} alt={entry.name} className="max-h-full max-w-full object-contain" />
        </div>
      );
    case "pdf":
      return <iframe src={src} title={entry.name} className="h-full min-h-[70vh] w-full" />;
    case "video":
      return (
        <div className="flex h-full items-center justify-center p-4">
          <video src={src} controls className="max-h-full max-w-full" />
        </div>
      );
    case "audio":
      return (
        <div className="flex h-full items-center justify-center p-8">
          <audio src={src} controls />
        </div>
      );
    case "text":
      return <TextPreview entry={entry} linkToken={linkToken} />;
    case "table":
      return <TablePreviewView entry={entry} linkToken={linkToken} />;
    default:
      return <NoPreview entry={entry} linkToken={linkToken} canDownload={canDownload} />;
  }
}

function NoPreview({ entry, linkToken, canDownload }: { entry: EntryRow; linkToken?: string; canDownload: boolean }) {
  return (
    <div className="flex h-full items-center justify-center p-6">
      <div className="max-w-sm rounded-lg border border-dashed border-zinc-300 bg-white p-8 text-center dark:border-zinc-700 dark:bg-zinc-900">
        <h3 className="font-semibold">No preview available</h3>
        <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
          {canDownload
            ? `${entry.typeLabel} files cannot be shown here. Download the file to open it.`
            : `${entry.typeLabel} files cannot be shown here, and your access is view only.`}
        </p>
        {canDownload ? (
          <a href={downloadUrl(entry.id, linkToken)} download={entry.name} className={buttonClass("primary", "mt-5")}>
            Download {formatBytes(entry.size ?? 0)}
          </a>
        ) : null}
      </div>
    </div>
  );
}

function TextPreview({ entry, linkToken }: { entry: EntryRow; linkToken?: string }) {
  const text = useQuery({
    queryKey: filesKeys.text(entry.id, linkToken),
    queryFn: () => fetchText(entry.id, TEXT_PREVIEW_BYTES, linkToken),
  });
  if (text.isPending) return <p className="p-4 text-sm text-zinc-500">Loading…</p>;
  if (text.isError)
    return (
      <p role="alert" className="p-4 text-sm text-red-600 dark:text-red-400">
        {text.error.message}
      </p>
    );
  return (
    <div>
      {text.data.truncated ? (
        <p className="border-b border-amber-200 bg-amber-50 px-4 py-2 text-xs text-amber-800 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-200">
          Showing the first {formatBytes(TEXT_PREVIEW_BYTES)}; download the file for all of it.
        </p>
      ) : null}
      <pre data-testid="text-preview" className="whitespace-pre-wrap break-words p-4 font-mono text-xs leading-relaxed">
        {text.data.text}
      </pre>
    </div>
  );
}

function TablePreviewView({ entry, linkToken }: { entry: EntryRow; linkToken?: string }) {
  const table = useQuery({
    queryKey: filesKeys.table(entry.id, linkToken),
    queryFn: () => fetchTable(entry.id, linkToken),
  });
  if (table.isPending) return <p className="p-4 text-sm text-zinc-500">Reading the table…</p>;
  if (table.isError)
    return (
      <p role="alert" className="p-4 text-sm text-red-600 dark:text-red-400">
        {table.error.message}
      </p>
    );
  const { columns, rows, truncated } = table.data;
  if (columns.length === 0) return <p className="p-4 text-sm text-zinc-500">This file is empty.</p>;
  return (
    <div className="p-2">
      <table aria-label={`First rows of ${entry.name}`} className="min-w-full border-collapse text-xs">
        <thead className="sticky top-0 bg-white dark:bg-zinc-900">
          <tr>
            {columns.map((c) => (
              <th
                key={c.name}
                scope="col"
                className="border border-zinc-200 px-2 py-1 text-left align-bottom font-semibold dark:border-zinc-800"
              >
                {c.name}
                <span className="block font-normal text-zinc-500">{c.type}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i} className="odd:bg-white even:bg-zinc-50 dark:odd:bg-zinc-900 dark:even:bg-zinc-950">
              {row.map((cell, j) => (
                <td
                  key={j}
                  className={`border border-zinc-200 px-2 py-1 dark:border-zinc-800 ${typeof cell === "number" ? "text-right tabular-nums" : ""}`}
                >
                  {cell === null ? <span className="text-zinc-400">null</span> : String(cell)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="px-1 py-2 text-xs text-zinc-500">
        {truncated ? `The first ${rows.length} rows.` : `${rows.length} rows.`}
      </p>
    </div>
  );
}
