import Link from "next/link";
import { notFound } from "next/navigation";
import { RequestSummary } from "@/components/requests/request-summary";
import { EmptyState, PageHeader } from "@/components/ui/empty-state";
import { allows } from "@/lib/access/roles";
import { listWorkspaceRequests } from "@/lib/requests/list-requests";
import { REQUEST_STATUSES, type RequestStatus } from "@/lib/requests/schemas";
import { formatNumber } from "@/lib/util/format";
import { loadWorkspace } from "../load-workspace";

export const metadata = { title: "Requests" };

type Props = {
  params: Promise<{ owner: string; workspace: string }>;
  searchParams: Promise<{ status?: string }>;
};

const LABELS: Record<RequestStatus, string> = { pending: "Pending", approved: "Approved", denied: "Declined" };

export default async function RequestsPage({ params, searchParams }: Props) {
  const { user, workspace } = await loadWorkspace(params);
  if (!workspace.isMember) notFound();
  if (!allows(workspace.role, "manage")) {
    return (
      <>
        <PageHeader title="Requests" />
        <EmptyState title="Only managers see access requests">
          The workspace owner and admins approve or decline requests for access.
        </EmptyState>
      </>
    );
  }
  const wanted = (await searchParams).status;
  const status: RequestStatus = REQUEST_STATUSES.includes(wanted as RequestStatus)
    ? (wanted as RequestStatus)
    : "pending";
  const ref = { id: workspace.id, ownerId: workspace.ownerId };
  const [requests, pending] = await Promise.all([
    listWorkspaceRequests(user, ref, status),
    status === "pending" ? null : listWorkspaceRequests(user, ref, "pending"),
  ]);
  const pendingCount = (pending ?? requests).length;
  const here = `/w/${workspace.owner}/${workspace.slug}/requests`;
  return (
    <>
      <PageHeader
        title="Requests"
        description="People asking for access to this workspace's datasets, files and folders."
      />
      <nav aria-label="Request status" className="mb-4 flex gap-4 text-sm">
        {REQUEST_STATUSES.map((s) => (
          <Link
            key={s}
            href={s === "pending" ? here : `${here}?status=${s}`}
            aria-current={s === status ? "page" : undefined}
            className={s === status ? "font-semibold underline" : "text-zinc-600 hover:underline dark:text-zinc-400"}
          >
            {LABELS[s]}
            {s === "pending" && pendingCount > 0 ? (
              <span className="ml-1 rounded-full bg-brand-600 px-1.5 text-xs text-white" data-testid="pending-count">
                {formatNumber(pendingCount)}
              </span>
            ) : null}
          </Link>
        ))}
      </nav>
      {requests.length === 0 ? (
        <EmptyState
          title={status === "pending" ? "No pending requests" : `No ${LABELS[status].toLowerCase()} requests`}
        >
          People who find a Listed dataset in Discover, or whose link or grant ended, can ask for access here.
        </EmptyState>
      ) : (
        <ul className="space-y-3">
          {requests.map((r) => (
            <li
              key={r.id}
              data-testid="request-item"
              className="rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
            >
              <RequestSummary request={r} />
              {r.status === "pending" ? (
                <Link href={r.reviewPath} className="mt-2 inline-block text-sm font-medium text-brand-700 underline">
                  Review
                </Link>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
