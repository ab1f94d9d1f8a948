import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { loadWorkspaceView } from "./load-workspace";

export default async function WorkspaceLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ owner: string; workspace: string }>;
}) {
  const { user, workspace, myWorkspaces } = await loadWorkspaceView(params);
  return (
    <AppShell
      user={user}
      workspaces={myWorkspaces}
      member={workspace.isMember}
      // Someone who sees only the public datasets has no catalog list or files to go to.
      workspaceLinks={workspace.scope !== "public"}
      current={{ owner: workspace.owner, slug: workspace.slug, name: workspace.name, personal: workspace.personal }}
    >
      {children}
    </AppShell>
  );
}
