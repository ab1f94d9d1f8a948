"use client";
import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import type { ReactNode } from "react";

/** The header dropdowns' floating panel (portalled, so the header's overflow never clips it); they differ only in side and width. */
export function MenuPanel({
  align,
  widthClass,
  children,
}: {
  align: "start" | "end";
  /** a literal Tailwind min-width class, e.g. "min-w-56" */
  widthClass: string;
  children: ReactNode;
}) {
  return (
    <DropdownMenu.Portal>
      <DropdownMenu.Content
        align={align}
        sideOffset={6}
        className={`z-50 ${widthClass} rounded-md border border-zinc-200 bg-white p-1 shadow-lg dark:border-zinc-800 dark:bg-zinc-900`}
      >
        {children}
      </DropdownMenu.Content>
    </DropdownMenu.Portal>
  );
}
