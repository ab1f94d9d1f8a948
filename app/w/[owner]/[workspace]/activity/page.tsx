import { EmptyState, PageHeader } from "@/components/ui/empty-state";
import { listWorkspaceActivity } from "@/lib/audit/list-events";
import { notFound } from "next/navigation";
import { allows } from "@/lib/access/roles";
import { loadWorkspace } from "../load-workspace";
import { formatDateTime } from "@/lib/util/format";
import { Table } from "@/components/ui/table";

export const metadata = { title: "Activity" };

export default async function ActivityPage({ params }: { params: Promise<{ owner: string; workspace: string }> }) {
  const { user, workspace } = await loadWorkspace(params);
  if (!workspace.isMember) notFound();
  if (!allows(workspace.role, "manage")) {
    return (
      <>
        <PageHeader title="Activity" />
        <EmptyState title="Only managers see the activity">
          The workspace owner and admins can see who did what here.
        </EmptyState>
      </>
    );
  }
  const events = await listWorkspaceActivity(user, workspace.id);
  return (
    <>
      <PageHeader title="Activity" description="Who did what in this workspace, newest first." />
      <Table
        caption="Workspace activity, newest first"
        rows={events}
        rowKey={(e) => e.id}
        empty={<EmptyState title="Nothing has happened yet" />}
        columns={[
          {
            header: "When",
            cell: (e) => <time dateTime={e.createdAt.toISOString()}>{formatDateTime(e.createdAt)}</time>,
            className: "whitespace-nowrap",
          },
          { header: "Who", cell: (e) => e.actor ?? "—" },
          { header: "What", cell: (e) => e.action, className: "font-mono text-xs" },
          {
            header: "Details",
            cell: (e) =>
              Object.entries(e.details)
                .map(([k, v]) => `${k}: ${typeof v === "object" ? JSON.stringify(v) : String(v)}`)
                .join(" · "),
            className: "font-mono text-xs text-zinc-500",
          },
        ]}
      />
    </>
  );
}
