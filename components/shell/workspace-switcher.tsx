"use client";
import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { MenuPanel } from "./menu-panel";
import Link from "next/link";
import { useRouter } from "next/navigation";

export type SwitcherWorkspace = { owner: string; slug: string; name: string; personal: boolean };

/** The header dropdown listing every workspace the user belongs to. */
export function WorkspaceSwitcher({
  current,
  workspaces,
}: {
  current: SwitcherWorkspace | null;
  workspaces: SwitcherWorkspace[];
}) {
  const router = useRouter();
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger
        aria-label="Switch workspace"
        className="flex max-w-64 items-center gap-2 rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800"
      >
        <span className="truncate">{current ? current.name : "Choose a workspace"}</span>
        <span aria-hidden className="text-zinc-400">
          ▾
        </span>
      </DropdownMenu.Trigger>
      <MenuPanel align="start" widthClass="min-w-64">
        <DropdownMenu.Label className="px-2 py-1.5 text-xs font-semibold uppercase tracking-wide text-zinc-500">
          Workspaces
        </DropdownMenu.Label>
        {workspaces.map((w) => {
          const href = `/w/${w.owner}/${w.slug}`;
          const active = current?.owner === w.owner && current.slug === w.slug;
          return (
            <DropdownMenu.Item
              key={href}
              onSelect={() => router.push(href)}
              className="flex cursor-pointer flex-col rounded px-2 py-1.5 text-sm outline-none data-[highlighted]:bg-zinc-100 dark:data-[highlighted]:bg-zinc-800"
            >
              <span className={active ? "font-semibold" : ""}>
                {w.name}
                {active ? " ✓" : ""}
              </span>
              <span className="text-xs text-zinc-500">
                {w.owner}/{w.slug}
              </span>
            </DropdownMenu.Item>
          );
        })}
        <DropdownMenu.Separator className="my-1 h-px bg-zinc-200 dark:bg-zinc-800" />
        <DropdownMenu.Item
          asChild
          className="block cursor-pointer rounded px-2 py-1.5 text-sm outline-none data-[highlighted]:bg-zinc-100 dark:data-[highlighted]:bg-zinc-800"
        >
          <Link href="/workspaces/new">+ New workspace</Link>
        </DropdownMenu.Item>
      </MenuPanel>
    </DropdownMenu.Root>
  );
}
