import Link from "next/link";
import { EmptyState, PageHeader } from "@/components/ui/empty-state";
import { requireUser } from "@/lib/auth/session";
import { listMyRequests } from "@/lib/requests/list-requests";
import { formatDate, formatDateTime } from "@/lib/util/format";

export const metadata = { title: "My access requests" };

const STATUS: Record<string, string> = { pending: "Waiting for an answer", approved: "Approved", denied: "Declined" };

export default async function MyRequestsPage() {
  const user = await requireUser("/requests");
  const requests = await listMyRequests(user);
  return (
    <>
      <PageHeader title="My access requests" description="What you asked for and what the managers answered." />
      {requests.length === 0 ? (
        <EmptyState title="You have not asked for access yet">
          Find datasets in <Link href="/discover">Discover</Link> and request access from their card.
        </EmptyState>
      ) : (
        <ul className="divide-y divide-zinc-100 rounded-lg border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900">
          {requests.map((r) => (
            <li key={r.id} className="p-4 text-sm" data-testid="my-request">
              <Link href={r.resource.path} className="font-medium hover:underline">
                {r.resource.label}
              </Link>{" "}
              <span className="text-zinc-500">
                in {r.workspace.owner}/{r.workspace.slug} · asked {formatDateTime(r.createdAt)}
              </span>
              <p className="mt-1">
                <strong>{STATUS[r.status] ?? r.status}</strong>
                {r.status === "approved"
                  ? ` as ${r.role}${r.expiresAt ? ` until ${formatDate(r.expiresAt)}` : ""}`
                  : r.status === "denied" && r.reason
                    ? `: “${r.reason}”`
                    : ""}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
