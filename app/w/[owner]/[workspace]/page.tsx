import { redirect } from "next/navigation";
import { loadWorkspace } from "./load-workspace";

export default async function WorkspaceHome({ params }: { params: Promise<{ owner: string; workspace: string }> }) {
  const { workspace } = await loadWorkspace(params);
  redirect(`/w/${workspace.owner}/${workspace.slug}/catalog`);
}
