import type { ReactNode } from "react";
import type { OpenedLink } from "@/lib/links/open-link";
import { formatDateTime } from "@/lib/util/format";

/** The frame of a link page: what is shared, by which workspace, read-only, until when. No app navigation. */
export function LinkShell({
  link,
  children,
  consoleHref,
}: {
  link: OpenedLink;
  children: ReactNode;
  /** the link's SQL console, offered when the link covers datasets */
  consoleHref?: string;
}) {
  return (
    <div className="min-h-screen">
      <header className="border-b border-zinc-200 bg-white px-4 py-3 dark:border-zinc-800 dark:bg-zinc-900">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2">
          <div className="min-w-0">
            <p className="text-xs text-zinc-500">
              <span className="font-bold text-brand-700 dark:text-brand-500">Datashelf</span> · shared from{" "}
              {link.target.workspace.name} ({link.target.workspace.owner})
            </p>
            <h1 className="truncate text-lg font-semibold">{link.target.name}</h1>
          </div>
          <p className="rounded-full bg-zinc-100 px-3 py-1 text-xs text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">
            {link.scope.allowDownload ? "Read-only link" : "View-only link (no downloads)"} · until{" "}
            {formatDateTime(link.expiresAt)}
          </p>
          {consoleHref && (
            <a href={consoleHref} className="text-sm text-brand-700 underline dark:text-brand-500">
              SQL console
            </a>
          )}
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
    </div>
  );
}
