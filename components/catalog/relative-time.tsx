import { formatDateTime, formatRelative } from "@/lib/util/format";

/** "3 days ago" with the exact time on hover. For server components only (a client render would drift from the server's). */
export function RelativeTime({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={formatDateTime(iso)}>
      {formatRelative(iso)}
    </time>
  );
}
