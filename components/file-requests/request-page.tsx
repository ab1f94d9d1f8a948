import type { FileRequestView } from "@/lib/file-requests/request-view";
import { formatBytes, formatDateTime, formatNumber } from "@/lib/util/format";
import { RequestUpload } from "./request-upload";

/** A file request's page: the request (title, message, limits) and the drop zone; nothing of the folder. */
export function FileRequestPage({ view, token }: { view: FileRequestView; token: string }) {
  return (
    <div className="min-h-screen">
      <header className="border-b border-zinc-200 bg-white px-4 py-3 dark:border-zinc-800 dark:bg-zinc-900">
        <div className="mx-auto flex max-w-2xl flex-wrap items-center justify-between gap-2">
          <p className="text-xs text-zinc-500">
            <span className="font-bold text-brand-700 dark:text-brand-500">Datashelf</span> · file request from{" "}
            {view.requestedBy}
          </p>
          <p className="rounded-full bg-zinc-100 px-3 py-1 text-xs text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">
            Upload only · open until {formatDateTime(view.expiresAt)}
          </p>
        </div>
      </header>
      <main className="mx-auto max-w-2xl space-y-5 px-4 py-8">
        <div className="space-y-2">
          <h1 className="text-2xl font-semibold">{view.title}</h1>
          {view.message && (
            <p className="whitespace-pre-line text-sm text-zinc-700 dark:text-zinc-300">{view.message}</p>
          )}
          <p className="text-sm text-zinc-500">
            Files up to {formatBytes(view.maxFileBytes)} each; this request takes {formatNumber(view.maxFiles)}{" "}
            {view.maxFiles === 1 ? "file" : "files"} in total. You can send files but not see what is in the folder.
          </p>
        </div>
        <RequestUpload token={token} maxFileBytes={view.maxFileBytes} signedInAs={view.signedInAs} />
      </main>
    </div>
  );
}
