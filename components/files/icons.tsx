// Small inline icons (no icon font: nothing to download, and they follow the text colour).
import type { ReactNode } from "react";

type IconProps = { className?: string };

const base = "h-4 w-4 shrink-0";

export function FolderIcon({ className = "" }: IconProps) {
  return (
    <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className={`${base} text-amber-500 ${className}`}>
      <path d="M2 5.5A1.5 1.5 0 0 1 3.5 4h4.1l1.6 1.8h7.3A1.5 1.5 0 0 1 18 7.3v7.2a1.5 1.5 0 0 1-1.5 1.5h-13A1.5 1.5 0 0 1 2 14.5z" />
    </svg>
  );
}

/** The outlined (stroked) icon frame; the file, share and download icons differ only in their shapes and line weight. */
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

export function FileIcon({ className = "" }: IconProps) {
  return (
    <StrokeIcon strokeWidth="1.5" className={`${base} text-zinc-500 ${className}`}>
      <path d="M5 2.75h6.5L15.25 6.5v10.75H5z" />
      <path d="M11.25 2.75V6.75h4" />
    </StrokeIcon>
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
