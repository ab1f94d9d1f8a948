import { IngestReviewForm } from "@/components/catalog/ingest-review-form";
import { PageHeader } from "@/components/ui/empty-state";
import { getIngestReview } from "@/lib/catalog/ingest/ingest-review";
import { loadWorkspace, orNotFound } from "../../../load-workspace";

export const metadata = { title: "Review upload" };

type Props = { params: Promise<{ owner: string; workspace: string; id: string }> };

export default async function IngestReviewPage({ params }: Props) {
  const { user, workspace } = await loadWorkspace(params);
  const { id } = await params;
  const review = await orNotFound(getIngestReview(user, id));
  const title =
    review.mode === "create"
      ? "Confirm the new dataset"
      : review.mode === "append"
        ? `Add rows to ${review.dataset?.name}`
        : `Replace the data of ${review.dataset?.name}`;
  return (
    <>
      <PageHeader
        title={title}
        description={`${review.sourceName} · check the columns and their types, then confirm.`}
      />
      <IngestReviewForm review={review} catalogPath={`/w/${workspace.owner}/${workspace.slug}/catalog`} />
    </>
  );
}
