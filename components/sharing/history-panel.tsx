"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchResourceActivity } from "@/components/activity/api";
import { SentenceView } from "@/components/activity/sentence-view";
import type { ResourceType } from "@/lib/sharing/schemas";
import { formatDateTime } from "@/lib/util/format";
import { sharingKeys } from "./api";

/** The resource's history from the audit trail, newest first, in the Activity page's sentences. */
export function HistoryPanel({ type, id }: { type: ResourceType; id: string }) {
  const history = useQuery({
    queryKey: sharingKeys.history(type, id),
    queryFn: ({ signal }) => fetchResourceActivity(type, id, signal),
  });
  if (history.isPending) return <p className="py-4 text-sm text-zinc-500">Loading…</p>;
  if (history.isError)
    return (
      <p role="alert" className="py-4 text-sm text-red-600 dark:text-red-400">
        {history.error.message}
      </p>
    );
  if (history.data.length === 0) return <p className="py-4 text-sm text-zinc-500">Nothing has happened here yet.</p>;
  return (
    <ol className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800" aria-label="History">
      {history.data.map((e) => (
        <li key={e.id} className="py-2" data-testid="history-row">
          <SentenceView sentence={e.sentence} />
          <time className="block text-xs text-zinc-500" dateTime={e.createdAt}>
            {formatDateTime(e.createdAt)}
          </time>
        </li>
      ))}
    </ol>
  );
}
