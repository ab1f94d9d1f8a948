import type { ReactNode } from "react";
import { cookies } from "next/headers";
import { AppShell } from "@/components/shell/app-shell";
import { requireUser } from "@/lib/auth/session";
import { LAST_WORKSPACE_COOKIE, resolveLastWorkspace } from "@/lib/workspaces/last-workspace";

/** Pages outside a workspace keep the one the user was last in (switcher and sidebar), if they still see it. */
export default async function UserLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const last = await resolveLastWorkspace(user, (await cookies()).get(LAST_WORKSPACE_COOKIE)?.value);
  return (
    <AppShell
      user={user}
      member={last?.isMember ?? false}
      current={last ? { owner: last.owner, slug: last.slug, name: last.name, personal: last.personal } : null}
    >
      {children}
    </AppShell>
  );
}
