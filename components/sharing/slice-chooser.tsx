"use client";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { FilterBar, describeFilter } from "@/components/catalog/filter-bar";
import { Button } from "@/components/ui/button";
import { fetchJson } from "@/components/ui/fetch-json";
import type { Filter } from "@/lib/catalog/query-schema";
import type { Scope } from "@/lib/scopes/scope-schema";
import type { SlicePreview } from "@/lib/scopes/preview-slice";
import { formatNumber } from "@/lib/util/format";
import { useDebouncedValue } from "./use-debounced-value";

const previewUrl = (datasetId: string, scope: Scope) =>
  `/api/datasets/${encodeURIComponent(datasetId)}/slice-preview?${new URLSearchParams({ scope: JSON.stringify(scope) })}`;

/**
 * "Share a slice…": limits the new grant (or link) to rows (the grid's own filters, all of which
 * must hold) and a choice of columns, with a live preview of what the recipient will see.
 * `value` null: the whole dataset.
 */
export function SliceChooser({
  datasetId,
  value,
  onChange,
}: {
  datasetId: string;
  value: Scope | null;
  onChange: (scope: Scope | null) => void;
}) {
  const [open, setOpen] = useState(false);
  if (!open)
    return (
      <div className="flex items-center gap-2 text-sm">
        <Button variant="ghost" className="px-1.5 py-1 text-sm" onClick={() => setOpen(true)}>
          Share a slice…
        </Button>
        {value ? <span className="text-xs text-zinc-500">Limited to a slice</span> : null}
      </div>
    );
  return (
    <SlicePicker
      datasetId={datasetId}
      value={value ?? { rows: [], columns: null }}
      onChange={(scope) => onChange(scope.rows.length === 0 && scope.columns === null ? null : scope)}
      onClose={() => {
        onChange(null);
        setOpen(false);
      }}
    />
  );
}

function SlicePicker({
  datasetId,
  value,
  onChange,
  onClose,
}: {
  datasetId: string;
  value: Scope;
  onChange: (scope: Scope) => void;
  onClose: () => void;
}) {
  const scope = useDebouncedValue(value, 250);
  const preview = useQuery({
    queryKey: ["sharing", "slice-preview", datasetId, scope],
    queryFn: ({ signal }) => fetchJson<SlicePreview>(previewUrl(datasetId, scope), { signal }),
    placeholderData: (previous) => previous,
  });
  const all = preview.data?.allColumns ?? [];
  const shown = new Set(value.columns ?? all.map((c) => c.name));
  const toggleColumn = (name: string, on: boolean) => {
    const next = all.map((c) => c.name).filter((n) => (n === name ? on : shown.has(n)));
    if (next.length === 0) return; // a slice shows at least one column
    onChange({ ...value, columns: next.length === all.length ? null : next });
  };
  const setRows = (rows: Filter[]) => onChange({ ...value, rows });

  return (
    <section
      aria-label="Share a slice"
      className="space-y-3 rounded-md border border-zinc-200 p-2.5 dark:border-zinc-800"
      data-testid="slice-picker"
    >
      <div className="flex items-center justify-between">
        <h3 className="text-sm font-medium">Share a slice</h3>
        <Button variant="ghost" className="px-1.5 py-1 text-xs" onClick={onClose}>
          Share the whole dataset
        </Button>
      </div>
      <div className="space-y-1">
        <p className="text-xs text-zinc-600 dark:text-zinc-400">Rows where all of these hold</p>
        {value.rows.length ? (
          <ul className="flex flex-wrap gap-1">
            {value.rows.map((f, i) => (
              <li
                key={i}
                className="flex items-center gap-1 rounded bg-zinc-100 px-1.5 py-0.5 text-xs dark:bg-zinc-800"
              >
                {describeFilter(f)}
                <button
                  type="button"
                  aria-label={`Remove the condition ${describeFilter(f)}`}
                  className="text-zinc-500 hover:text-zinc-900 dark:hover:text-zinc-100"
                  onClick={() => setRows(value.rows.filter((_, j) => j !== i))}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        {all.length ? (
          <FilterBar
            columns={all}
            onAdd={async (filter) => {
              setRows([...value.rows, filter]);
              return undefined;
            }}
          />
        ) : null}
      </div>
      <fieldset className="space-y-1">
        <legend className="text-xs text-zinc-600 dark:text-zinc-400">Columns they see</legend>
        <div className="flex flex-wrap gap-x-3 gap-y-1">
          {all.map((c) => (
            <label key={c.name} className="flex items-center gap-1 text-sm">
              <input
                type="checkbox"
                checked={shown.has(c.name)}
                onChange={(e) => toggleColumn(c.name, e.target.checked)}
              />
              {c.name}
            </label>
          ))}
        </div>
      </fieldset>
      <SlicePreviewTable preview={preview.data} error={preview.error} />
    </section>
  );
}

function SlicePreviewTable({ preview, error }: { preview?: SlicePreview; error: Error | null }) {
  if (error)
    return (
      <p role="alert" className="text-sm text-red-600 dark:text-red-400">
        {error.message}
      </p>
    );
  if (!preview) return <p className="text-xs text-zinc-500">Loading the preview…</p>;
  return (
    <div className="space-y-1" data-testid="slice-preview">
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        They will see {preview.words}:{" "}
        <strong>
          {formatNumber(preview.total)} row{preview.total === 1 ? "" : "s"}
        </strong>
      </p>
      <div className="max-h-48 overflow-auto rounded border border-zinc-200 dark:border-zinc-800">
        <table className="w-full text-xs">
          <thead>
            <tr>
              {preview.columns.map((c) => (
                <th key={c.name} scope="col" className="px-1.5 py-1 text-left font-medium">
                  {c.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row, i) => (
              <tr key={i} className="border-t border-zinc-100 dark:border-zinc-800">
                {row.map((cell, j) => (
                  <td key={j} className="px-1.5 py-1">
                    {cell === null ? "" : typeof cell === "object" ? JSON.stringify(cell) : String(cell)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
