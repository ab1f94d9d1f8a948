"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Table } from "@/components/ui/table";
import { restoreVersionAction } from "@/lib/actions/catalog/restore-version";
import { formatBytes, formatDateTime, formatNumber } from "@/lib/util/format";
import type { VersionView } from "@/lib/catalog/versions";
import { downloadUrl } from "./api";

const KIND: Record<VersionView["kind"], string> = {
  create: "Created",
  append: "Rows added",
  replace: "Replaced",
  restore: "Restored",
};

/**
 * Every version, newest first: view it (the page with ?version=n), download it as Parquet, and
 * for managers restore it (a new version pointing at the same immutable data).
 */
export function VersionsList({
  datasetId,
  versions,
  pagePath,
  viewing,
  canManage,
  canDownload,
  linkToken,
}: {
  datasetId: string;
  versions: Omit<VersionView, "columns">[];
  /** the dataset page's URL (on link pages, the link's), to which ?version=n is added */
  pagePath: string;
  /** the version shown on the page now */
  viewing: number;
  canManage: boolean;
  /** false for view-only access: no download links */
  canDownload: boolean;
  linkToken?: string;
}) {
  const router = useRouter();
  const [pending, setPending] = useState<number | null>(null);

  async function restore(number: number) {
    if (!window.confirm(`Make version ${number} current again? A new version is added; nothing is deleted.`)) return;
    setPending(number);
    const result = await restoreVersionAction(datasetId, number);
    setPending(null);
    if (!result.ok) {
      toast.error(result.message);
      return;
    }
    toast.success(`Version ${number} restored as version ${result.data.version}`);
    router.push(pagePath);
    router.refresh();
  }

  const link =
    "rounded px-2 py-1 text-xs font-medium text-brand-700 hover:bg-zinc-100 dark:text-brand-500 dark:hover:bg-zinc-800";
  return (
    <Table
      caption="Versions of the dataset, newest first"
      rows={versions}
      rowKey={(v) => v.number}
      empty="No versions."
      rowClassName={(v) => (v.number === viewing ? "bg-brand-50/60 dark:bg-brand-600/10" : "")}
      columns={[
        {
          header: "Version",
          rowHeader: true,
          className: "whitespace-nowrap",
          cell: (v) => (
            <>
              v{v.number}
              {v.current ? (
                <span className="ml-1 text-xs font-normal text-emerald-700 dark:text-emerald-400">current</span>
              ) : null}
            </>
          ),
        },
        {
          header: "Change",
          className: "whitespace-nowrap",
          cell: (v) =>
            `${KIND[v.kind]}${v.restoredFrom ? ` v${v.restoredFrom}` : ""}${v.kind === "append" ? ` (+${formatNumber(v.addedRows)})` : ""}`,
        },
        { header: "Rows", className: "tabular-nums", cell: (v) => formatNumber(v.rowCount) },
        { header: "Size", className: "whitespace-nowrap", cell: (v) => formatBytes(v.sizeBytes) },
        {
          header: "Source",
          className: "max-w-48 truncate",
          cell: (v) => <span title={v.sourceName}>{v.sourceName || "—"}</span>,
        },
        { header: "By", cell: (v) => v.createdBy ?? "—" },
        { header: "When", className: "whitespace-nowrap", cell: (v) => formatDateTime(v.createdAt) },
        {
          header: <span className="sr-only">Actions</span>,
          className: "whitespace-nowrap",
          cell: (v) => (
            <div className="flex gap-1">
              {v.number === viewing ? (
                <span className="px-2 py-1 text-xs text-zinc-500">Showing</span>
              ) : (
                <Link
                  className={link}
                  href={v.current ? pagePath : `${pagePath}?version=${v.number}`}
                  aria-label={`View version ${v.number}`}
                >
                  View
                </Link>
              )}
              {canDownload ? (
                <a
                  className={link}
                  download
                  href={downloadUrl(datasetId, "parquet", { version: v.number }, linkToken)}
                  aria-label={`Download version ${v.number} as Parquet`}
                >
                  Download
                </a>
              ) : null}
              {canManage && !v.current ? (
                <Button
                  variant="ghost"
                  className="px-2 py-1 text-xs"
                  disabled={pending !== null}
                  onClick={() => void restore(v.number)}
                  aria-label={`Restore version ${v.number}`}
                >
                  {pending === v.number ? "Restoring…" : "Restore"}
                </Button>
              ) : null}
            </div>
          ),
        },
      ]}
    />
  );
}
