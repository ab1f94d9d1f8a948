"use client";
import Link from "next/link";
import { useId, useRef, useState } from "react";
import { toast } from "sonner";
import type { DatasetSnippet, DatasetUrls, SnippetAuth } from "@/lib/catalog/snippets";

function CopyButton({ text, what }: { text: string; what: string }) {
  return (
    <button
      type="button"
      className="shrink-0 rounded-md border border-zinc-300 px-2.5 py-1 text-xs font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
      aria-label={`Copy ${what}`}
      onClick={() =>
        navigator.clipboard.writeText(text).then(
          () => toast.success(`Copied ${what}`),
          () => toast.error("The browser did not allow copying: select the text and copy it instead."),
        )
      }
    >
      Copy
    </button>
  );
}

function UrlRow({ label, url }: { label: string; url: string }) {
  return (
    <div className="flex items-center gap-2">
      <span className="w-44 shrink-0 text-xs text-zinc-600 dark:text-zinc-400">{label}</span>
      <code className="min-w-0 flex-1 truncate rounded bg-zinc-100 px-2 py-1 text-xs dark:bg-zinc-900" title={url}>
        {url}
      </code>
      <CopyButton text={url} what={label.toLowerCase()} />
    </div>
  );
}

/**
 * "Use this dataset": the version's stable Parquet URL and ready-to-run snippets (curl, pandas,
 * DuckDB) with a copy button each. Tabs follow the WAI-ARIA pattern (arrow keys move between them).
 */
export function UseDatasetPanel({
  urls,
  snippets,
  auth,
  versionNumber,
}: {
  urls: DatasetUrls;
  snippets: DatasetSnippet[];
  auth: SnippetAuth;
  versionNumber: number;
}) {
  const [selected, setSelected] = useState(snippets[0]!.id);
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const id = useId();
  const current = snippets.find((s) => s.id === selected) ?? snippets[0]!;

  const move = (from: number, by: number) => {
    const next = (from + by + snippets.length) % snippets.length;
    setSelected(snippets[next]!.id);
    tabs.current[next]?.focus();
  };

  return (
    <div className="max-w-4xl space-y-4">
      <div className="space-y-2">
        <UrlRow label={`Parquet, version ${versionNumber}`} url={urls.version} />
        <UrlRow label="Parquet, latest version" url={urls.latest} />
      </div>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {auth === "token" ? (
          <>
            These read the dataset with your API token from the <code>DATASHELF_TOKEN</code> environment variable (
            <Link href="/account" className="underline">
              create a token under Account
            </Link>
            ). The version URL always returns version {versionNumber}, whatever is added later.
          </>
        ) : (
          <>
            These use this access link: they work while the link is live, unless it has a password (then download in the
            browser).
          </>
        )}
      </p>
      <div
        role="tablist"
        aria-label="Code snippets"
        className="flex gap-1 border-b border-zinc-200 dark:border-zinc-800"
      >
        {snippets.map((s, i) => (
          <button
            key={s.id}
            ref={(el) => {
              tabs.current[i] = el;
            }}
            role="tab"
            type="button"
            id={`${id}-tab-${s.id}`}
            aria-selected={s.id === current.id}
            aria-controls={`${id}-panel`}
            tabIndex={s.id === current.id ? 0 : -1}
            onClick={() => setSelected(s.id)}
            onKeyDown={(e) => {
              if (e.key === "ArrowRight") move(i, 1);
              else if (e.key === "ArrowLeft") move(i, -1);
              else return;
              e.preventDefault();
            }}
            className={`-mb-px border-b-2 px-3 py-1.5 text-sm ${s.id === current.id ? "border-indigo-600 font-medium text-indigo-700 dark:text-indigo-300" : "border-transparent text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100"}`}
          >
            {s.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${current.id}`} className="space-y-2">
        <div className="flex justify-end">
          <CopyButton text={current.code} what={`${current.label} snippet`} />
        </div>
        <pre tabIndex={0} className="overflow-x-auto rounded-md bg-zinc-950 p-4 text-xs leading-relaxed text-zinc-100">
          <code>{current.code}</code>
        </pre>
      </div>
    </div>
  );
}
