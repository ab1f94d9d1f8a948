import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { formatNumber } from "@/lib/util/format";

type Props = {
  page: number;
  pageCount: number;
  pageSize: number;
  total: number;
  /** the URL of a page, filters kept */
  hrefOf: (page: number) => string;
};

/** Where the list stands ("Events 51–100 of 234 · page 2 of 5") with previous/next links. */
export function ActivityPager({ page, pageCount, pageSize, total, hrefOf }: Props) {
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <nav aria-label="Activity pages" className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm">
      <p data-testid="activity-position" className="text-zinc-600 dark:text-zinc-400">
        {total === 0
          ? "No events"
          : `Events ${formatNumber(first)}–${formatNumber(last)} of ${formatNumber(total)} · page ${formatNumber(page)} of ${formatNumber(pageCount)}`}
      </p>
      <div className="flex gap-2">
        {page > 1 ? (
          <Link href={hrefOf(page - 1)} className={buttonClass("secondary")} rel="prev">
            ← Newer
          </Link>
        ) : null}
        {page < pageCount ? (
          <Link href={hrefOf(page + 1)} className={buttonClass("secondary")} rel="next">
            Older →
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
