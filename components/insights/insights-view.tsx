import Link from "next/link";
import { Card } from "@/components/ui/empty-state";
import { Table } from "@/components/ui/table";
import type { Insights } from "@/lib/insights/get-insights";
import { formatDate, formatDateTime, formatNumber } from "@/lib/util/format";
import { DailyChart } from "./daily-chart";
import { FirstOpenToggle } from "./first-open-toggle";

const NOUN = { dataset: "dataset", file: "file", folder: "folder", workspace: "workspace" } as const;

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <Card className="min-w-32 px-4 py-3">
      <p className="text-xs uppercase text-zinc-500">{label}</p>
      <p className="text-2xl font-semibold tabular-nums">{formatNumber(value)}</p>
    </Card>
  );
}

function Section({ title, id, children }: { title: string; id: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-3">
      <h2 id={id} className="text-base font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** A resource's or link's insights: totals, the daily chart, people and visitors, and every view and download. */
export function InsightsView({ insights }: { insights: Insights }) {
  const { subject, link, grants } = insights;
  return (
    <div className="space-y-8">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {link ? (
          <>
            Access link to the {NOUN[subject.resource.type]}{" "}
            <Link href={subject.resource.path} className="text-brand-700 underline dark:text-brand-500">
              {subject.resource.name}
            </Link>{" "}
            ({link.mode === "public" ? "anyone with the link" : "signed-in people with the link"},{" "}
            {link.revokedAt ? `revoked ${formatDate(link.revokedAt)}` : `until ${formatDate(link.expiresAt)}`}).
          </>
        ) : (
          <>
            Views and downloads of the {NOUN[subject.resource.type]}{" "}
            <Link href={subject.resource.path} className="text-brand-700 underline dark:text-brand-500">
              {subject.resource.name}
            </Link>
            {subject.kind === "folder" ? " and everything in it" : ""}, from {formatDate(insights.from)} to today.
          </>
        )}{" "}
        A person counts once per hour for each item they view or download.
      </p>
      <div className="flex flex-wrap gap-3">
        <Stat label="Views" value={insights.totals.views} />
        <Stat label="Downloads" value={insights.totals.downloads} />
        <Stat label="People and visitors" value={insights.totals.people} />
      </div>
      <DailyChart days={insights.days} />
      {insights.truncated ? (
        <p role="status" className="text-sm text-amber-800 dark:text-amber-300">
          There were more events than one page reads; the counts are the most recent ones.
        </p>
      ) : null}

      <Section title="Who viewed and downloaded" id="insights-people">
        <Table
          caption="People and link visitors, most recently seen first"
          rows={insights.people}
          rowKey={(p) => p.key}
          rowTestId="insights-person"
          empty="Nobody has viewed or downloaded it in the last 30 days."
          columns={[
            { header: "Who", cell: (p) => p.label, rowHeader: true },
            { header: "Views", cell: (p) => formatNumber(p.views), className: "tabular-nums" },
            { header: "Downloads", cell: (p) => formatNumber(p.downloads), className: "tabular-nums" },
            {
              header: "Last seen",
              cell: (p) => <time dateTime={p.lastAt}>{formatDateTime(p.lastAt)}</time>,
              className: "whitespace-nowrap text-zinc-600 dark:text-zinc-400",
            },
          ]}
        />
      </Section>

      <Section title="Views and downloads" id="insights-events">
        <Table
          caption="Views and downloads, newest first"
          rows={insights.events}
          rowKey={(e, i) => `${e.at}-${i}`}
          rowTestId="insights-event"
          empty="No views or downloads in the last 30 days."
          columns={[
            {
              header: "When",
              cell: (e) => <time dateTime={e.at}>{formatDateTime(e.at)}</time>,
              className: "whitespace-nowrap text-zinc-600 dark:text-zinc-400",
            },
            { header: "Who", cell: (e) => e.who.label, rowHeader: true },
            { header: "What", cell: (e) => (e.kind === "download" ? "Downloaded" : "Viewed") },
            { header: "Item", cell: (e) => e.what.name },
            { header: "Through", cell: (e) => (e.via ? `link “${e.via.label}”` : "—") },
          ]}
        />
      </Section>

      <Section title="E-mail on first open" id="insights-first-open">
        {link ? (
          <FirstOpenToggle
            target="link"
            id={link.id}
            notify={link.notifyFirstOpen}
            firstOpenedAt={link.firstOpenedAt}
            label="E-mail the link's creator when someone first opens this link"
          />
        ) : grants.length === 0 ? (
          <p className="text-sm text-zinc-500">
            It is not shared with anyone directly. Grants on it appear here, each with its own first-open e-mail.
          </p>
        ) : (
          <ul className="space-y-2">
            {grants.map((g) => (
              <li key={g.id} data-testid="insights-grant">
                <FirstOpenToggle
                  target="share"
                  id={g.id}
                  notify={g.notifyFirstOpen}
                  firstOpenedAt={g.firstOpenedAt}
                  label={`E-mail the sharer when ${g.grantee} (${g.role}) first opens it`}
                />
              </li>
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}
