import { EmptyState, PageHeader } from "@/components/ui/empty-state";
import { listWorkspaceActivity } from "@/lib/audit/list-events";
import { notFound } from "next/navigation";
import { allows } from "@/lib/access/roles";
import { loadWorkspace } from "../load-workspace";

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
      {events.length === 0 ? (
        <EmptyState title="Nothing has happened yet" />
      ) : (
        <table className="w-full text-left text-sm">
          <thead className="border-b border-zinc-200 text-xs uppercase text-zinc-500 dark:border-zinc-800">
            <tr>
              <th className="py-2 pr-4">When</th>
              <th className="py-2 pr-4">Who</th>
              <th className="py-2 pr-4">What</th>
              <th className="py-2">Details</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {events.map((e) => (
              <tr key={e.id}>
                <td className="py-2 pr-4 whitespace-nowrap">
                  <time dateTime={e.createdAt.toISOString()}>{e.createdAt.toLocaleString("en-GB")}</time>
                </td>
                <td className="py-2 pr-4">{e.actor ?? "—"}</td>
                <td className="py-2 pr-4 font-mono text-xs">{e.action}</td>
                <td className="py-2 font-mono text-xs text-zinc-500">
                  {Object.entries(e.details)
                    .map(([k, v]) => `${k}: ${typeof v === "object" ? JSON.stringify(v) : String(v)}`)
                    .join(" · ")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
