import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { loadWorkspace } from "./load-workspace";

export default async function WorkspaceLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ owner: string; workspace: string }>;
}) {
  const { user, workspace } = await loadWorkspace(params);
  return (
    <AppShell
      user={user}
      member={workspace.isMember}
      current={{ owner: workspace.owner, slug: workspace.slug, name: workspace.name, personal: workspace.personal }}
    >
      {children}
    </AppShell>
  );
}
