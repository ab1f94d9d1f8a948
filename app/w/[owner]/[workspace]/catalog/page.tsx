import { EmptyState, PageHeader } from "@/components/ui/empty-state";
import { loadWorkspace } from "../load-workspace";

export const metadata = { title: "Catalog" };

export default async function CatalogPage({ params }: { params: Promise<{ owner: string; workspace: string }> }) {
  const { workspace } = await loadWorkspace(params);
  return (
    <>
      <PageHeader title={workspace.name} description={`${workspace.owner}/${workspace.slug} · Data catalog`} />
      <EmptyState title="No datasets yet">
        Datasets you upload to this workspace, and datasets shared with you here, appear in this catalog.
      </EmptyState>
    </>
  );
}
