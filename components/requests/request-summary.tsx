import Link from "next/link";
import type { AccessRequestView } from "@/lib/requests/list-requests";
import { formatDate, formatDateTime } from "@/lib/util/format";

const SOURCES: Record<string, string> = {
  discover: "from the Listed card",
  grant: "after their grant ended",
  link: "from an expired or revoked link",
};

export function requesterName(r: AccessRequestView): string {
  return r.requester.name || r.requester.username || r.requester.email;
}

/** Who asked for what, when and how, with their message, answers and the terms they accepted. */
export function RequestSummary({ request, link = false }: { request: AccessRequestView; link?: boolean }) {
  const who = requesterName(request);
  return (
    <div className="space-y-2 text-sm">
      <p>
        <strong>{who}</strong>
        {request.requester.username && who !== request.requester.username
          ? ` (@${request.requester.username})`
          : ""}{" "}
        <span className="text-zinc-500">{request.requester.email}</span> asks for access to{" "}
        {link ? (
          <Link href={request.reviewPath} className="font-medium underline">
            {request.resource.label}
          </Link>
        ) : (
          <Link href={request.resource.path} className="font-medium underline">
            {request.resource.label}
          </Link>
        )}
      </p>
      <p className="text-xs text-zinc-500">
        {formatDateTime(request.createdAt)} · {SOURCES[request.source] ?? request.source}
      </p>
      {request.message ? (
        <blockquote className="border-l-4 border-brand-200 pl-3 text-zinc-700 dark:text-zinc-300">
          {request.message}
        </blockquote>
      ) : null}
      {request.answers.length > 0 ? (
        <dl className="space-y-1">
          {request.answers.map((a, i) => (
            <div key={i}>
              <dt className="font-medium">{a.question}</dt>
              <dd className="text-zinc-700 dark:text-zinc-300">{a.answer}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {request.acceptedTerms ? <p className="text-xs text-zinc-500">Accepted the terms.</p> : null}
      {request.status !== "pending" ? (
        <p className="font-medium" data-testid="request-decision">
          {request.status === "approved"
            ? `Approved by ${request.decidedBy ?? "a manager"} as ${request.role}${request.expiresAt ? ` until ${formatDate(request.expiresAt)}` : ""}`
            : `Declined by ${request.decidedBy ?? "a manager"}${request.reason ? `: “${request.reason}”` : ""}`}{" "}
          on {formatDate(request.decidedAt)}.
        </p>
      ) : null}
    </div>
  );
}
