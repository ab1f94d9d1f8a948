import Link from "next/link";
import type { ReactNode } from "react";
import type { SessionUser } from "@/lib/auth/session";
import { appUrl } from "@/lib/email/config";
import { LAST_WORKSPACE_COOKIE } from "@/lib/workspaces/last-workspace";
import { type WorkspaceSummary, listMyWorkspaces } from "@/lib/workspaces/queries";
import { AccountMenu } from "./account-menu";
import { OriginNotice } from "./origin-notice";
import { RememberWorkspace } from "./remember-workspace";
import { Sidebar } from "./sidebar";
import { type SwitcherWorkspace, WorkspaceSwitcher } from "./workspace-switcher";

/**
 * Header (switcher, account menu), sidebar and content; `current` is the workspace in the URL, or the
 * last one the user was in (remembered here, for the pages outside a workspace).
 */
export async function AppShell({
  user,
  workspaces: given,
  current,
  member = false,
  workspaceLinks = true,
  children,
}: {
  user: SessionUser & { username: string };
  /** the user's workspaces for the switcher, when the caller read them already (otherwise read here) */
  workspaces?: WorkspaceSummary[];
  current: SwitcherWorkspace | null;
  member?: boolean;
  /** false: the sidebar leaves out the workspace's own pages (for someone who sees only public datasets) */
  workspaceLinks?: boolean;
  children: ReactNode;
}) {
  const workspaces = given ?? (await listMyWorkspaces(user));
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#content"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      {current && workspaceLinks ? (
        <RememberWorkspace owner={current.owner} slug={current.slug} cookie={LAST_WORKSPACE_COOKIE} />
      ) : null}
      <OriginNotice appOrigin={new URL(appUrl()).origin} />
      <header className="flex h-14 items-center gap-4 border-b border-zinc-200 bg-white px-4 dark:border-zinc-800 dark:bg-zinc-900">
        <Link href="/" className="font-bold text-brand-700 dark:text-brand-500">
          Datashelf
        </Link>
        <WorkspaceSwitcher
          current={
            current && workspaces.some((w) => w.owner === current.owner && w.slug === current.slug)
              ? current
              : current
                ? { ...current, name: `${current.owner}/${current.slug} (shared with you)` }
                : null
          }
          workspaces={workspaces.map(({ owner, slug, name, personal }) => ({ owner, slug, name, personal }))}
        />
        <div className="ml-auto">
          <AccountMenu username={user.username} email={user.email} />
        </div>
      </header>
      {/* On a phone the sidebar becomes a scrolling bar of links under the header. */}
      <div className="flex flex-1 flex-col md:flex-row">
        <Sidebar base={current && workspaceLinks ? `/w/${current.owner}/${current.slug}` : null} member={member} />
        <main id="content" className="min-w-0 flex-1 p-4 md:p-6">
          {children}
        </main>
      </div>
    </div>
  );
}
