"use client";
import { useId } from "react";
import { DEFAULT_MIN_GROUP_SIZE, MIN_GROUP_SIZE_RANGE } from "@/lib/aggregate/grant-rules";

/** Shown in the share dialog when "Totals only" is chosen: what the role gives, and its minimum group size. */
export function MinGroupSizeField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const id = useId();
  return (
    <div
      className="space-y-1 rounded-md border border-zinc-200 p-2.5 text-sm dark:border-zinc-800"
      data-testid="totals-only-settings"
    >
      <p id={`${id}-about`} className="text-xs text-zinc-600 dark:text-zinc-400">
        Totals only: they see the name, description and columns, and can run grouped summaries (counts, sums, averages,
        minima and maxima). They never see rows, downloads or previews, and a summary with any group smaller than the
        minimum is refused.
      </p>
      <label htmlFor={id} className="flex items-center gap-2 font-medium text-zinc-700 dark:text-zinc-300">
        Minimum group size
        <input
          id={id}
          type="number"
          inputMode="numeric"
          min={MIN_GROUP_SIZE_RANGE.min}
          max={MIN_GROUP_SIZE_RANGE.max}
          step={1}
          value={value}
          placeholder={String(DEFAULT_MIN_GROUP_SIZE)}
          aria-describedby={`${id}-about`}
          onChange={(e) => onChange(e.target.value)}
          className="w-24 rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30 dark:border-zinc-700 dark:bg-zinc-900"
        />
        <span className="text-xs font-normal text-zinc-500">
          rows ({MIN_GROUP_SIZE_RANGE.min}–{MIN_GROUP_SIZE_RANGE.max})
        </span>
      </label>
    </div>
  );
}
