"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

export function Sidebar({ base, member }: { base: string | null; member: boolean }) {
  const pathname = usePathname();
  const links = [
    ...(base
      ? [
          { href: `${base}/catalog`, label: "Catalog" },
          { href: `${base}/files`, label: "Files" },
        ]
      : []),
    { href: "/discover", label: "Discover" },
    { href: "/sql", label: "SQL console" },
    { href: "/shared/with-me", label: "Shared with me" },
    { href: "/shared/by-me", label: "Shared by me" },
    ...(base && member
      ? [
          { href: `${base}/requests`, label: "Requests" },
          { href: `${base}/activity`, label: "Activity" },
          { href: `${base}/settings`, label: "Settings" },
        ]
      : []),
  ];
  return (
    <nav
      aria-label="Main"
      className="shrink-0 border-b border-zinc-200 px-2 py-1.5 md:w-52 md:border-b-0 md:border-r md:p-3 dark:border-zinc-800"
    >
      <ul className="flex gap-1 overflow-x-auto md:block md:space-y-0.5">
        {links.map((link) => {
          const active = pathname === link.href || pathname.startsWith(`${link.href}/`);
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={active ? "page" : undefined}
                className={`block whitespace-nowrap rounded-md px-3 py-2 text-sm ${active ? "bg-brand-50 font-medium text-brand-700 dark:bg-zinc-800 dark:text-white" : "text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"}`}
              >
                {link.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
