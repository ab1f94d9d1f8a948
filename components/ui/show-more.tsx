import Link from "next/link";

/** Lists that grow by a "Show more" link show this many rows first, and this many more per click. */
const SHOW_STEP = 200;
const SHOW_MAX = 10_000;

/** How many rows a `?show=` parameter asks for: SHOW_STEP by default, never more than SHOW_MAX. */
export function showParam(value: string | undefined): number {
  const requested = Number(value);
  return Number.isInteger(requested) && requested > SHOW_STEP ? Math.min(requested, SHOW_MAX) : SHOW_STEP;
}

/** "Showing the newest N. Show more" under a list that has more rows than it shows. */
export function ShowMore({
  shown,
  count,
  hasMore,
  href,
}: {
  shown: number;
  count: number;
  hasMore: boolean;
  href: (show: number) => string;
}) {
  if (!hasMore || shown >= SHOW_MAX) return null;
  return (
    <p className="mt-6 text-center text-sm text-zinc-500">
      Showing the newest {count}.{" "}
      <Link
        href={href(shown + SHOW_STEP)}
        scroll={false}
        className="font-medium text-zinc-900 underline dark:text-zinc-100"
      >
        Show more
      </Link>
    </p>
  );
}
