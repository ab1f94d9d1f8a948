"use client";
import Link from "next/link";
import { useState } from "react";
import type { Crumb } from "@/lib/files/entry-types";
import { pathHref } from "./api";
import { moveDropProps } from "./drag";

type Props = {
  crumbs: Crumb[];
  basePath: string;
  rootLabel: string;
  onMove?: (ids: string[], targetId: string) => void;
};

/** Where the current folder is. Folders the viewer cannot open are plain text, never links. */
export function Breadcrumbs({ crumbs, basePath, rootLabel, onMove }: Props) {
  return (
    <nav aria-label="Folder path" className="min-w-0">
      <ol className="flex flex-wrap items-center gap-1 text-sm">
        {crumbs.map((crumb, i) => (
          <li key={`${i}-${crumb.name}`} className="flex min-w-0 items-center gap-1">
            {i > 0 ? (
              <span aria-hidden className="text-zinc-400">
                /
              </span>
            ) : null}
            <CrumbLink
              crumb={crumb}
              label={i === 0 ? rootLabel : crumb.name}
              href={pathHref(
                basePath,
                crumbs.slice(1, i + 1).map((c) => c.name),
              )}
              current={i === crumbs.length - 1}
              onMove={onMove}
            />
          </li>
        ))}
      </ol>
    </nav>
  );
}

function CrumbLink({
  crumb,
  label,
  href,
  current,
  onMove,
}: {
  crumb: Crumb;
  label: string;
  href: string;
  current: boolean;
  onMove?: Props["onMove"];
}) {
  const [over, setOver] = useState(false);
  if (!crumb.id)
    return (
      <span className="truncate text-zinc-500" title="You do not have access to this folder">
        {label}
      </span>
    );
  if (current)
    return (
      <span aria-current="page" className="truncate font-semibold">
        {label}
      </span>
    );
  return (
    <Link
      href={href}
      className={`truncate rounded px-1 text-brand-700 hover:underline dark:text-brand-500 ${over ? "bg-brand-50 dark:bg-zinc-700" : ""}`}
      {...moveDropProps(crumb.id, onMove, setOver)}
    >
      {label}
    </Link>
  );
}
