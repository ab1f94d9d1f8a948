import { formatDate, formatDateTime } from "@/lib/util/format";
import type { MyRequest } from "@/lib/requests/my-requests";

/** The requester's latest request, in one sentence: pending since, approved as, or declined with the reason. */
export function RequestStatus({ request }: { request: MyRequest }) {
  if (request.status === "pending") {
    return (
      <p
        role="status"
        className="rounded-md bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200"
      >
        Your request of {formatDateTime(request.createdAt)} is waiting for the managers. You will get an e-mail when
        they answer.
      </p>
    );
  }
  if (request.status === "approved") {
    return (
      <p
        role="status"
        className="rounded-md bg-green-50 p-3 text-sm text-green-900 dark:bg-green-950 dark:text-green-200"
      >
        Your request was approved{request.role ? ` (${request.role})` : ""}
        {request.expiresAt ? ` until ${formatDate(request.expiresAt)}` : ""}.
      </p>
    );
  }
  return (
    <p role="status" className="rounded-md bg-zinc-100 p-3 text-sm text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200">
      Your request was declined on {formatDate(request.decidedAt)}
      {request.reason ? `: “${request.reason}”` : "."}
    </p>
  );
}
