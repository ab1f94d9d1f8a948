import { ActivityFilters } from "@/components/activity/activity-filters";
import { ActivityPager } from "@/components/activity/activity-pager";
import { SentenceView } from "@/components/activity/sentence-view";
import { buttonClass } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/empty-state";
import { Table } from "@/components/ui/table";
import { allows } from "@/lib/access/roles";
import { activityFilterSchema, activityQuery } from "@/lib/audit/activity-filter";
import { listActivityOptions } from "@/lib/audit/activity-options";
import { KIND_LABELS } from "@/lib/audit/describe-event";
import { listWorkspaceActivity } from "@/lib/audit/list-events";
import { insightsPath } from "@/lib/insights/paths";
import { formatDateTime } from "@/lib/util/format";
import Link from "next/link";
import { notFound } from "next/navigation";
import { loadWorkspace } from "../load-workspace";

export const metadata = { title: "Activity" };

type Props = {
  params: Promise<{ owner: string; workspace: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function ActivityPage({ params, searchParams }: Props) {
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
  const here = `/w/${workspace.owner}/${workspace.slug}/activity`;
  const query = await searchParams;
  const parsed = activityFilterSchema.safeParse({
    person: first(query.person),
    kind: first(query.kind),
    resource: first(query.resource),
    page: first(query.page),
  });
  if (!parsed.success) {
    return (
      <>
        <PageHeader title="Activity" />
        <EmptyState
          title="These filters cannot be read"
          action={
            <a href={here} className={buttonClass("secondary")}>
              Show all activity
            </a>
          }
        >
          <span role="alert">{parsed.error.issues.map((i) => i.message).join(" ")}</span>
        </EmptyState>
      </>
    );
  }
  const filter = parsed.data;
  const [activity, options] = await Promise.all([
    listWorkspaceActivity(user, workspace.id, filter),
    listActivityOptions(user, workspace.id, filter),
  ]);
  const exportHref = `/api/activity/export?${new URLSearchParams({
    workspace: workspace.id,
    ...(filter.person ? { person: filter.person } : {}),
    ...(filter.kind ? { kind: filter.kind } : {}),
    ...(filter.resource ? { resource: filter.resource } : {}),
  })}`;
  return (
    <>
      <PageHeader
        title="Activity"
        description="Who did what in this workspace, newest first. Each dataset, file, folder and access link has insights: who viewed and downloaded it."
        actions={
          <a href={exportHref} download className={buttonClass("secondary")}>
            Download CSV
          </a>
        }
      />
      <ActivityFilters people={options.people} resources={options.resources} value={filter} clearHref={here} />
      <Table
        caption="Workspace activity, newest first"
        rows={activity.events}
        rowKey={(e) => e.id}
        rowTestId="activity-row"
        empty={
          <EmptyState
            title={filter.person || filter.kind || filter.resource ? "No events match" : "Nothing has happened yet"}
          >
            {filter.person || filter.kind || filter.resource ? "Try other filters, or clear them." : null}
          </EmptyState>
        }
        columns={[
          {
            header: "When",
            cell: (e) => <time dateTime={e.createdAt}>{formatDateTime(e.createdAt)}</time>,
            className: "whitespace-nowrap align-top text-zinc-600 dark:text-zinc-400",
          },
          { header: "What happened", cell: (e) => <SentenceView sentence={e.sentence} />, rowHeader: true },
          {
            header: "Kind",
            cell: (e) => KIND_LABELS[e.kind],
            className: "whitespace-nowrap align-top text-xs text-zinc-500",
          },
          {
            header: <span className="sr-only">Insights</span>,
            cell: (e) =>
              e.insights ? (
                <Link
                  href={insightsPath(workspace, e.insights.subject, e.insights.id)}
                  className="text-xs text-brand-700 hover:underline dark:text-brand-500"
                >
                  Insights
                </Link>
              ) : null,
            className: "whitespace-nowrap align-top",
          },
        ]}
      />
      <ActivityPager
        page={activity.page}
        pageCount={activity.pageCount}
        pageSize={activity.pageSize}
        total={activity.total}
        hrefOf={(page) => `${here}${activityQuery({ ...filter, page })}`}
      />
    </>
  );
}
