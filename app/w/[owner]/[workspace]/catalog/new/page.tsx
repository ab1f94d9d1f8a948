import { notFound } from "next/navigation";
import { DatasetUpload } from "@/components/catalog/dataset-upload";
import { Card, PageHeader } from "@/components/ui/empty-state";
import { allows } from "@/lib/access";
import { catalogConfig } from "@/lib/catalog/config";
import { formatBytes } from "@/lib/util/format";
import { loadWorkspace } from "../../load-workspace";

export const metadata = { title: "New dataset" };

export default async function NewDatasetPage({ params }: { params: Promise<{ owner: string; workspace: string }> }) {
  const { workspace } = await loadWorkspace(params);
  if (workspace.scope !== "workspace" || !allows(workspace.role, "write")) notFound();
  return (
    <>
      <PageHeader
        title="New dataset"
        description={`Upload a file to ${workspace.owner}/${workspace.slug}. You will see the columns and their types before anything is created.`}
      />
      <Card className="max-w-2xl">
        <DatasetUpload target={{ workspaceId: workspace.id, mode: "create" }} />
        <p className="mt-4 text-xs text-zinc-500">
          Files up to {formatBytes(catalogConfig().maxUploadBytes)}. Interrupted uploads resume when you choose the same
          file again.
        </p>
      </Card>
    </>
  );
}
