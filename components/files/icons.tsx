// Small inline icons (no icon font: nothing to download, and they follow the text colour).
import type { ReactNode } from "react";
import { type IconKind, iconKindFor } from "@/lib/files/icon-kind";

type IconProps = { className?: string };

const base = "h-4 w-4 shrink-0";

export function FolderIcon({ className = "" }: IconProps) {
  return (
    <svg
      aria-hidden
      data-icon="folder"
      viewBox="0 0 20 20"
      fill="currentColor"
      className={`${base} text-amber-500 ${className}`}
    >
      <path d="M2 5.5A1.5 1.5 0 0 1 3.5 4h4.1l1.6 1.8h7.3A1.5 1.5 0 0 1 18 7.3v7.2a1.5 1.5 0 0 1-1.5 1.5h-13A1.5 1.5 0 0 1 2 14.5z" />
    </svg>
  );
}

/** The outlined (stroked) icon frame; the share and download icons differ only in their shapes and line weight. */
function StrokeIcon({
  strokeWidth,
  className,
  children,
}: {
  strokeWidth: string;
  className: string;
  children: ReactNode;
}) {
  return (
    <svg
      aria-hidden
      viewBox="0 0 20 20"
      fill="none"
      stroke="currentColor"
      strokeWidth={strokeWidth}
      className={className}
    >
      {children}
    </svg>
  );
}

/** A file's page with a mark for its type drawn inside (and a tint), so types tell apart at a glance. */
function TypedFileIcon({ kind, tint, children }: { kind: IconKind; tint: string; children?: ReactNode }) {
  return (
    <svg
      aria-hidden
      data-icon={kind}
      viewBox="0 0 20 20"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      className={`${base} ${tint}`}
    >
      <path d="M5 2.75h6.5L15.25 6.5v10.75H5z" />
      <path d="M11.25 2.75V6.75h4" />
      {children}
    </svg>
  );
}

const MARKS: Record<Exclude<IconKind, "folder">, { tint: string; mark: ReactNode }> = {
  table: { tint: "text-emerald-600", mark: <path strokeWidth="1.2" d="M7 9.5h6.5M7 12h6.5M7 14.5h6.5M9.75 9v6" /> },
  parquet: {
    tint: "text-teal-600",
    mark: <path strokeWidth="1.2" d="M7.25 9.25h2.5v2.5h-2.5zM10.75 9.25h2.5v2.5h-2.5zM7.25 12.75h2.5v2.5h-2.5z" />,
  },
  json: {
    tint: "text-orange-600",
    mark: (
      <path
        strokeWidth="1.2"
        d="M8.5 9c-1 0-1 .8-1 1.6s-.6 1.4-1 1.4c.4 0 1 .5 1 1.4s0 1.6 1 1.6M11.75 9c1 0 1 .8 1 1.6s.6 1.4 1 1.4c-.4 0-1 .5-1 1.4s0 1.6-1 1.6"
      />
    ),
  },
  pdf: { tint: "text-red-600", mark: <path strokeWidth="1.6" d="M7 11.5h6.5M7 14h4.5" /> },
  image: {
    tint: "text-sky-600",
    mark: (
      <>
        <circle cx="8.5" cy="10" r="1.1" strokeWidth="1.1" />
        <path strokeWidth="1.2" d="m6.5 15.5 3-2.75 1.75 1.5 1.75-2 1.5 3.25" />
      </>
    ),
  },
  text: { tint: "text-zinc-500", mark: <path strokeWidth="1.2" d="M7 9.5h6.5M7 12h6.5M7 14.5h4" /> },
  archive: {
    tint: "text-amber-700",
    mark: <path strokeWidth="1.3" d="M9 3v1.5h1.5V6H9v1.5h1.5V9H9v1.5M8.75 12h2.25v2.5H8.75z" />,
  },
  file: { tint: "text-zinc-500", mark: null },
};

/** The listing's icon for an entry: a folder, or a file marked by its type (decorative: the type is in the row's text). */
export function EntryIcon({ kind, name }: { kind: "folder" | "file"; name: string }) {
  const icon = iconKindFor(kind, name);
  if (icon === "folder") return <FolderIcon />;
  const { tint, mark } = MARKS[icon];
  return (
    <TypedFileIcon kind={icon} tint={tint}>
      {mark}
    </TypedFileIcon>
  );
}

/** The ⋯ of a row's action menu. */
export function MoreIcon() {
  return (
    <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="h-4 w-4">
      <circle cx="4.5" cy="10" r="1.6" />
      <circle cx="10" cy="10" r="1.6" />
      <circle cx="15.5" cy="10" r="1.6" />
    </svg>
  );
}

export function ShareIcon({ className = "" }: IconProps) {
  return (
    <StrokeIcon strokeWidth="1.6" className={`${base} ${className}`}>
      <circle cx="5" cy="10" r="2.2" />
      <circle cx="15" cy="4.5" r="2.2" />
      <circle cx="15" cy="15.5" r="2.2" />
      <path d="m7 9 6-3.3M7 11l6 3.3" />
    </StrokeIcon>
  );
}

/** The row download button's arrow; sized without `shrink-0`, as it always sits alone in its button. */
export function DownloadIcon() {
  return (
    <StrokeIcon strokeWidth="1.6" className="h-4 w-4">
      <path d="M10 3v9m0 0-3.5-3.5M10 12l3.5-3.5M4 14.5v2h12v-2" />
    </StrokeIcon>
  );
}

export function ChevronIcon({ open, className = "" }: IconProps & { open: boolean }) {
  return (
    <svg
      aria-hidden
      viewBox="0 0 20 20"
      fill="currentColor"
      className={`h-3 w-3 shrink-0 transition-transform ${open ? "rotate-90" : ""} ${className}`}
    >
      <path d="M7 4.5 13 10l-6 5.5z" />
    </svg>
  );
}
