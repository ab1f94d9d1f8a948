"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { restoreVersionAction } from "@/lib/actions/catalog/restore-version";
import { exactUtcLabel as when } from "@/lib/catalog/time-format";
import { formatBytes, formatCount } from "@/lib/catalog/units";
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
  linkToken,
}: {
  datasetId: string;
  versions: VersionView[];
  /** the dataset page's URL (on link pages, the link's), to which ?version=n is added */
  pagePath: string;
  /** the version shown on the page now */
  viewing: number;
  canManage: boolean;
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

  return (
    <div className="overflow-x-auto rounded-md border border-zinc-200 dark:border-zinc-800">
      <table className="min-w-full text-sm">
        <caption className="sr-only">Versions of the dataset, newest first</caption>
        <thead className="bg-zinc-50 text-left text-xs uppercase text-zinc-500 dark:bg-zinc-900">
          <tr>
            {["Version", "Change", "Rows", "Size", "Source", "By", "When", ""].map((h, i) => (
              <th key={i} scope="col" className="whitespace-nowrap px-3 py-2">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr
              key={v.number}
              className={`border-t border-zinc-100 dark:border-zinc-800 ${v.number === viewing ? "bg-brand-50/60 dark:bg-brand-600/10" : ""}`}
            >
              <th scope="row" className="whitespace-nowrap px-3 py-1.5 text-left font-medium">
                v{v.number}
                {v.current ? (
                  <span className="ml-1 text-xs font-normal text-emerald-700 dark:text-emerald-400">current</span>
                ) : null}
              </th>
              <td className="whitespace-nowrap px-3 py-1.5">
                {KIND[v.kind]}
                {v.restoredFrom ? ` v${v.restoredFrom}` : ""}
                {v.kind === "append" ? ` (+${formatCount(v.addedRows)})` : ""}
              </td>
              <td className="px-3 py-1.5 tabular-nums">{formatCount(v.rowCount)}</td>
              <td className="whitespace-nowrap px-3 py-1.5">{formatBytes(v.sizeBytes)}</td>
              <td className="max-w-48 truncate px-3 py-1.5" title={v.sourceName}>
                {v.sourceName || "—"}
              </td>
              <td className="px-3 py-1.5">{v.createdBy ?? "—"}</td>
              <td className="whitespace-nowrap px-3 py-1.5">{when(v.createdAt)}</td>
              <td className="whitespace-nowrap px-3 py-1.5">
                <div className="flex gap-1">
                  {v.number === viewing ? (
                    <span className="px-2 py-1 text-xs text-zinc-500">Showing</span>
                  ) : (
                    <Link
                      className="rounded px-2 py-1 text-xs font-medium text-brand-700 hover:bg-zinc-100 dark:text-brand-500 dark:hover:bg-zinc-800"
                      href={v.current ? pagePath : `${pagePath}?version=${v.number}`}
                      aria-label={`View version ${v.number}`}
                    >
                      View
                    </Link>
                  )}
                  <a
                    className="rounded px-2 py-1 text-xs font-medium text-brand-700 hover:bg-zinc-100 dark:text-brand-500 dark:hover:bg-zinc-800"
                    download
                    href={downloadUrl(datasetId, "parquet", { version: v.number }, linkToken)}
                    aria-label={`Download version ${v.number} as Parquet`}
                  >
                    Download
                  </a>
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
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
