"use client";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { formatNumber } from "@/lib/util/format";
import { PAGE_SIZES } from "./grid-state";

const inputClass =
  "rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900";

/** First / previous / next / last, a page number to jump to (checked against the page count) and the page size. */
export function Pager({
  page,
  pageCount,
  pageSize,
  onPage,
  onPageSize,
}: {
  page: number;
  pageCount: number;
  pageSize: number;
  onPage: (page: number) => void;
  onPageSize: (size: number) => void;
}) {
  const id = useId();
  const [jump, setJump] = useState("");
  const [error, setError] = useState<string>();

  function go(e: React.FormEvent) {
    e.preventDefault();
    const n = Number(jump);
    if (!/^\d+$/.test(jump.trim()) || n < 1 || n > pageCount) {
      setError(`Choose a page from 1 to ${formatNumber(pageCount)}.`);
      return;
    }
    setError(undefined);
    setJump("");
    onPage(n);
  }

  const first = page <= 1;
  const last = page >= pageCount;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button variant="secondary" aria-label="First page" disabled={first} onClick={() => onPage(1)}>
        «
      </Button>
      <Button variant="secondary" aria-label="Previous page" disabled={first} onClick={() => onPage(page - 1)}>
        Previous
      </Button>
      <span className="text-zinc-600 dark:text-zinc-400" data-testid="grid-page">
        Page {formatNumber(page)} of {formatNumber(pageCount)}
      </span>
      <Button variant="secondary" aria-label="Next page" disabled={last} onClick={() => onPage(page + 1)}>
        Next
      </Button>
      <Button variant="secondary" aria-label="Last page" disabled={last} onClick={() => onPage(pageCount)}>
        »
      </Button>
      <form onSubmit={go} className="flex items-center gap-1" aria-label="Go to a page">
        <label htmlFor={`${id}-page`} className="sr-only">
          Go to page
        </label>
        <input
          id={`${id}-page`}
          inputMode="numeric"
          value={jump}
          onChange={(e) => setJump(e.target.value)}
          placeholder="Page"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className={`${inputClass} w-20`}
        />
        <Button type="submit" variant="secondary">
          Go
        </Button>
      </form>
      <label htmlFor={`${id}-size`} className="text-zinc-600 dark:text-zinc-400">
        Rows per page
      </label>
      <select
        id={`${id}-size`}
        value={pageSize}
        onChange={(e) => onPageSize(Number(e.target.value))}
        className={inputClass}
      >
        {PAGE_SIZES.map((size) => (
          <option key={size} value={size}>
            {size}
          </option>
        ))}
      </select>
      {error ? (
        <p id={`${id}-error`} role="alert" className="w-full text-right text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}
