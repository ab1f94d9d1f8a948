import { Card, PageHeader } from "@/components/ui/empty-state";
import { WorkspaceForm } from "@/components/workspaces/workspace-form";
import { createWorkspaceAction } from "@/lib/actions/workspaces/create-workspace";

export const metadata = { title: "New workspace" };

export default function NewWorkspacePage() {
  return (
    <>
      <PageHeader title="New workspace" description="A workspace holds datasets and files, and has its own members." />
      <Card>
        <WorkspaceForm action={createWorkspaceAction} submitLabel="Create workspace" success="Workspace created" />
      </Card>
    </>
  );
}
