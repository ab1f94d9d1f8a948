import type { DayCount } from "@/lib/insights/daily-series";
import { formatDate, formatNumber } from "@/lib/util/format";

const WIDTH = 600;
const HEIGHT = 140;
const AXIS = 18;
const BAR_GAP = 1;

/**
 * Views and downloads per day as a small bar chart (inline SVG, no library): two bars a day,
 * each with its own tooltip; the summary in the label says the same for screen readers.
 */
export function DailyChart({ days }: { days: DayCount[] }) {
  const max = Math.max(1, ...days.map((d) => Math.max(d.views, d.downloads)));
  const slot = WIDTH / days.length;
  const bar = Math.max(1, slot / 2 - BAR_GAP);
  const plot = HEIGHT - AXIS;
  const height = (n: number) => (n === 0 ? 0 : Math.max(2, (n / max) * (plot - 4)));
  const views = days.reduce((n, d) => n + d.views, 0);
  const downloads = days.reduce((n, d) => n + d.downloads, 0);
  const first = days[0]?.day;
  const last = days.at(-1)?.day;
  return (
    <figure className="space-y-2">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="h-36 w-full max-w-3xl"
        role="img"
        aria-label={`${formatNumber(views)} views and ${formatNumber(downloads)} downloads per day from ${formatDate(first)} to ${formatDate(last)}; at most ${formatNumber(max)} in one day`}
        data-testid="insights-chart"
      >
        <line x1={0} x2={WIDTH} y1={plot} y2={plot} className="stroke-zinc-300 dark:stroke-zinc-700" />
        <text x={0} y={10} className="fill-zinc-500 text-[10px]">
          {formatNumber(max)}
        </text>
        {days.map((d, i) => {
          const x = i * slot;
          return (
            <g key={d.day} data-day={d.day} data-views={d.views} data-downloads={d.downloads}>
              <title>{`${formatDate(d.day)}: ${formatNumber(d.views)} ${d.views === 1 ? "view" : "views"}, ${formatNumber(d.downloads)} ${d.downloads === 1 ? "download" : "downloads"}`}</title>
              <rect x={x} y={0} width={slot} height={plot} className="fill-transparent" />
              <rect
                x={x + BAR_GAP}
                y={plot - height(d.views)}
                width={bar}
                height={height(d.views)}
                className="fill-brand-600"
              />
              <rect
                x={x + BAR_GAP + bar}
                y={plot - height(d.downloads)}
                width={bar}
                height={height(d.downloads)}
                className="fill-amber-500"
              />
            </g>
          );
        })}
        <text x={0} y={HEIGHT - 4} className="fill-zinc-500 text-[10px]">
          {formatDate(first)}
        </text>
        <text x={WIDTH} y={HEIGHT - 4} textAnchor="end" className="fill-zinc-500 text-[10px]">
          {formatDate(last)}
        </text>
      </svg>
      <figcaption className="flex gap-4 text-xs text-zinc-600 dark:text-zinc-400">
        <span className="flex items-center gap-1">
          <span aria-hidden className="inline-block h-2.5 w-2.5 rounded-sm bg-brand-600" /> Views
        </span>
        <span className="flex items-center gap-1">
          <span aria-hidden className="inline-block h-2.5 w-2.5 rounded-sm bg-amber-500" /> Downloads
        </span>
        <span>Per day (UTC), last 30 days</span>
      </figcaption>
    </figure>
  );
}
