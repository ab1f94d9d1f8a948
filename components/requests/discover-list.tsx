import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import type { DiscoverPage } from "@/lib/requests/discover";
import { formatNumber } from "@/lib/util/format";

const href = (q: string, page: number) => {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/discover?${query}` : "/discover";
};

/** Discover's search box, result cards and pager (plain links and a GET form: works without JavaScript). */
export function DiscoverList({ result }: { result: DiscoverPage }) {
  const { items, total, page, pageSize, q } = result;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <div className="space-y-4">
      <form action="/discover" method="get" role="search" className="flex gap-2">
        <label htmlFor="discover-q" className="sr-only">
          Search datasets
        </label>
        <input
          id="discover-q"
          name="q"
          type="search"
          defaultValue={q}
          maxLength={200}
          placeholder="Search names, descriptions, tags, columns"
          className="block w-full max-w-md rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
        />
        <button type="submit" className={buttonClass("secondary")}>
          Search
        </button>
      </form>
      <p className="text-sm text-zinc-500" aria-live="polite">
        {total === 0
          ? q
            ? `No datasets match “${q}”.`
            : "No workspace lists a dataset yet."
          : `${formatNumber(total)} ${total === 1 ? "dataset" : "datasets"}${q ? ` named like “${q}”` : ""}`}
      </p>
      <ul className="grid gap-3 sm:grid-cols-2">
        {items.map((item) => (
          <li
            key={item.id}
            data-testid="discover-item"
            className="flex flex-col gap-2 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
          >
            <div className="flex items-start justify-between gap-2">
              <Link href={item.path} className="font-medium hover:underline">
                {item.name}
              </Link>
              <span className="rounded bg-zinc-100 px-2 py-0.5 text-xs text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">
                {item.visibility === "public" ? "Public" : "Listed"}
              </span>
            </div>
            {item.description ? (
              <p className="line-clamp-2 text-sm text-zinc-600 dark:text-zinc-400">{item.description}</p>
            ) : null}
            <p className="text-xs text-zinc-500">
              {item.workspace.owner}/{item.workspace.slug} · {formatNumber(item.rowCount)} rows ·{" "}
              {formatNumber(item.columns)} columns
            </p>
            <Link href={item.path} className={`${buttonClass(item.canOpen ? "secondary" : "primary")} self-start`}>
              {item.canOpen ? "Open" : "View card and request access"}
            </Link>
          </li>
        ))}
      </ul>
      {pages > 1 ? (
        <nav aria-label="Pages" className="flex items-center gap-3 text-sm">
          {page > 1 ? <Link href={href(q, page - 1)}>← Previous</Link> : null}
          <span>
            Page {formatNumber(page)} of {formatNumber(pages)}
          </span>
          {page < pages ? <Link href={href(q, page + 1)}>Next →</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
