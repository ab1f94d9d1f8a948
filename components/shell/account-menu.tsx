"use client";
import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { MenuPanel } from "./menu-panel";
import { signOut } from "next-auth/react";
import Link from "next/link";

export function AccountMenu({ username, email }: { username: string; email: string }) {
  const item =
    "block cursor-pointer rounded px-2 py-1.5 text-sm outline-none data-[highlighted]:bg-zinc-100 dark:data-[highlighted]:bg-zinc-800";
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger
        aria-label="Account menu"
        className="flex h-8 w-8 items-center justify-center rounded-full bg-brand-600 text-sm font-semibold uppercase text-white"
      >
        {username.slice(0, 1)}
      </DropdownMenu.Trigger>
      <MenuPanel align="end" widthClass="min-w-56">
        <div className="px-2 py-1.5">
          <p className="text-sm font-medium">{username}</p>
          <p className="text-xs text-zinc-500">{email}</p>
        </div>
        <DropdownMenu.Separator className="my-1 h-px bg-zinc-200 dark:bg-zinc-800" />
        <DropdownMenu.Item asChild className={item}>
          <Link href="/account">Account</Link>
        </DropdownMenu.Item>
        <DropdownMenu.Item className={item} onSelect={() => signOut({ callbackUrl: "/signin" })}>
          Sign out
        </DropdownMenu.Item>
      </MenuPanel>
    </DropdownMenu.Root>
  );
}
