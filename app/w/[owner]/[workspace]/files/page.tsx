import { EmptyState, PageHeader } from "@/components/ui/empty-state";
import { loadWorkspace } from "../load-workspace";

export const metadata = { title: "Files" };

export default async function FilesPage({ params }: { params: Promise<{ owner: string; workspace: string }> }) {
  const { workspace } = await loadWorkspace(params);
  return (
    <>
      <PageHeader title="Files" description={`${workspace.owner}/${workspace.slug}`} />
      <EmptyState title="No files yet">Folders and files stored in this workspace appear here.</EmptyState>
    </>
  );
}
