"use client";
import { buttonClass } from "@/components/ui/button";
import type { Crumb, EntryRow } from "@/lib/files/entry-types";
import { formatBytes } from "@/lib/util/format";
import { downloadUrl } from "./api";
import { Breadcrumbs } from "./breadcrumbs";
import { PreviewBody } from "./preview-dialog";

/** One file on its own page: a file shared by itself (grant or link), with its preview and download. */
export function SingleFile({
  entry,
  crumbs,
  basePath,
  rootLabel,
  linkToken,
  canDownload,
}: {
  entry: EntryRow;
  /** false for view-only access */
  canDownload: boolean;
  crumbs?: Crumb[];
  basePath: string;
  rootLabel: string;
  linkToken?: string;
}) {
  return (
    <div className="space-y-4">
      {crumbs ? <Breadcrumbs crumbs={crumbs} basePath={basePath} rootLabel={rootLabel} /> : null}
      <div className="overflow-hidden rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
        <div className="flex flex-wrap items-center gap-3 border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
          <div className="min-w-0 flex-1">
            <h2 className="truncate text-base font-semibold">{entry.name}</h2>
            <p className="text-xs text-zinc-500">
              {entry.typeLabel} · {formatBytes(entry.size ?? 0)}
            </p>
          </div>
          {canDownload ? (
            <a href={downloadUrl(entry.id, linkToken)} download={entry.name} className={buttonClass("primary")}>
              Download
            </a>
          ) : (
            <span className="text-sm text-zinc-600 dark:text-zinc-400">View only</span>
          )}
        </div>
        <div className="max-h-[75vh] min-h-64 overflow-auto bg-zinc-50 dark:bg-zinc-950">
          <PreviewBody entry={entry} linkToken={linkToken} canDownload={canDownload} />
        </div>
      </div>
    </div>
  );
}
