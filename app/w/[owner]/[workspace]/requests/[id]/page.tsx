import Link from "next/link";
import { RequestDecisionForm } from "@/components/requests/request-decision-form";
import { RequestSummary, requesterName } from "@/components/requests/request-summary";
import { Card, PageHeader } from "@/components/ui/empty-state";
import { requireUser } from "@/lib/auth/session";
import { getAccessRequest } from "@/lib/requests/list-requests";
import { orNotFound } from "../../load-workspace";

export const metadata = { title: "Access request" };

type Props = { params: Promise<{ owner: string; workspace: string; id: string }> };

/**
 * One request, the page the managers' e-mail links to. Signing in is required (the sign-in returns
 * here) and only the resource's managers get the decision forms; its requester sees its status.
 */
export default async function RequestPage({ params }: Props) {
  const { owner, workspace, id } = await params;
  const user = await requireUser(`/w/${owner}/${workspace}/requests/${id}`);
  const { request, canDecide } = await orNotFound(getAccessRequest(user, id));
  return (
    <>
      <PageHeader title="Access request" />
      <Card className="space-y-6">
        <RequestSummary request={request} />
        {canDecide && request.status === "pending" ? (
          <RequestDecisionForm
            requestId={request.id}
            requester={requesterName(request)}
            resourceType={request.resource.type}
          />
        ) : null}
      </Card>
      {canDecide ? (
        <p className="mt-4 text-sm">
          <Link href={`/w/${request.workspace.owner}/${request.workspace.slug}/requests`} className="underline">
            All requests
          </Link>
        </p>
      ) : null}
    </>
  );
}
