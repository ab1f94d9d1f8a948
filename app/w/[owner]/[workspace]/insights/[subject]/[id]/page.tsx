import { notFound } from "next/navigation";
import { InsightsView } from "@/components/insights/insights-view";
import { EmptyState, PageHeader } from "@/components/ui/empty-state";
import { getInsights } from "@/lib/insights/get-insights";
import { INSIGHT_SUBJECTS, type InsightSubject } from "@/lib/insights/paths";
import { AppError } from "@/lib/util/errors";
import { loadWorkspace, orNotFound } from "../../../load-workspace";

export const dynamic = "force-dynamic";
export const metadata = { title: "Insights" };

type Props = { params: Promise<{ owner: string; workspace: string; subject: string; id: string }> };

export default async function InsightsPage({ params }: Props) {
  const { user, workspace } = await loadWorkspace(params);
  const { subject, id } = await params;
  if (!(INSIGHT_SUBJECTS as readonly string[]).includes(subject)) notFound();
  let insights;
  try {
    insights = await orNotFound(getInsights(user, subject as InsightSubject, decodeURIComponent(id)));
  } catch (error) {
    if (!(error instanceof AppError && error.code === "forbidden")) throw error;
    return (
      <>
        <PageHeader title="Insights" />
        <EmptyState title="Only managers see insights">
          The workspace owner and admins can see who viewed and downloaded what is shared from here.
        </EmptyState>
      </>
    );
  }
  if (insights.subject.workspace.id !== workspace.id) notFound();
  return (
    <>
      <PageHeader
        title={`Insights: ${insights.subject.name}`}
        description={subject === "link" ? "Who opened this access link and what they downloaded." : undefined}
      />
      <InsightsView insights={insights} />
    </>
  );
}
