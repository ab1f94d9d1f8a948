"use client";

export type ShareTab = "people" | "links" | "history";

const TABS: { id: ShareTab; label: string }[] = [
  { id: "people", label: "People" },
  { id: "links", label: "Access links" },
  { id: "history", label: "History" },
];

/** The share dialog's tab strip. */
export function ShareTabs({ tab, onSelect }: { tab: ShareTab; onSelect: (tab: ShareTab) => void }) {
  return (
    <div role="tablist" aria-label="Sharing" className="mt-2 flex gap-1 border-b border-zinc-200 dark:border-zinc-800">
      {TABS.map((t) => (
        <button
          key={t.id}
          role="tab"
          type="button"
          aria-selected={tab === t.id}
          onClick={() => onSelect(t.id)}
          className={`-mb-px border-b-2 px-3 py-1 text-sm ${tab === t.id ? "border-indigo-600 font-medium text-indigo-700 dark:text-indigo-300" : "border-transparent text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100"}`}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}
