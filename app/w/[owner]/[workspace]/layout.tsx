import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { loadWorkspaceView } from "./load-workspace";

type Params = Promise<{ owner: string; workspace: string }>;

/**
 * Rule: a workspace the visitor cannot see answers exactly as one that does not exist. The page's metadata is
 * streamed beside the layout, so it waits for the same lookup: otherwise a 404 decided after more work (a
 * workspace that exists, then its access check) reached the page after the metadata, and one decided at once (no
 * such workspace) before it, and the order told them apart.
 */
export async function generateMetadata({ params }: { params: Params }) {
  await loadWorkspaceView(params);
  return {};
}

export default async function WorkspaceLayout({ children, params }: { children: ReactNode; params: Params }) {
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
