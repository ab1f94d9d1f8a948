import type { ReactNode } from "react";

const TONES = {
  neutral: "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
  brand: "bg-brand-50 text-brand-700 dark:bg-brand-600/20 dark:text-brand-500",
  green: "bg-emerald-50 text-emerald-700 dark:bg-emerald-900/30 dark:text-emerald-400",
  amber: "bg-amber-50 text-amber-800 dark:bg-amber-900/30 dark:text-amber-400",
} as const;

export function Badge({
  children,
  tone = "neutral",
  title,
}: {
  children: ReactNode;
  tone?: keyof typeof TONES;
  title?: string;
}) {
  return (
    <span
      title={title}
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ${TONES[tone]}`}
    >
      {children}
    </span>
  );
}

export function VisibilityBadge({ visibility }: { visibility: string }) {
  return visibility === "public" ? (
    <Badge tone="green" title="Every signed-in user can read it">
      Public
    </Badge>
  ) : visibility === "listed" ? (
    <Badge title="Every signed-in user sees its card and may request access">Listed</Badge>
  ) : (
    <Badge title="Only people with access">Private</Badge>
  );
}

/** A dataset's tags as a labelled list of badges (nothing when it has none); the card and the dataset page differ only in spacing. */
export function TagList({ tags, className = "" }: { tags: string[]; className?: string }) {
  if (!tags.length) return null;
  return (
    <ul className={`${className} flex flex-wrap gap-1`.trim()} aria-label="Tags">
      {tags.map((t) => (
        <li key={t}>
          <Badge>{t}</Badge>
        </li>
      ))}
    </ul>
  );
}
