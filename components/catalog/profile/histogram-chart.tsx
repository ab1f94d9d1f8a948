import { useId } from "react";
import type { Histogram } from "@/lib/catalog/profile/types";
import { formatNumber } from "@/lib/util/format";
import { binLabel } from "./profile-format";

const WIDTH = 160;
const HEIGHT = 36;

/**
 * A column's histogram as a small inline SVG: an image with a title for screen readers, a text summary
 * (bins, range, fullest bin) beside it, and each bar's bounds and count as its own tooltip.
 */
export function HistogramChart({
  column,
  histogram,
  dateOnly,
  approximate = false,
}: {
  column: string;
  histogram: Histogram;
  dateOnly: boolean;
  /** counts estimated from a sample */
  approximate?: boolean;
}) {
  const summaryId = useId();
  const bins = histogram.bins;
  if (bins.length === 0) return null;
  const counts = bins.map((b) => b.count);
  const max = Math.max(...counts, 1);
  const fullest = counts.indexOf(Math.max(...counts));
  const total = counts.reduce((a, b) => a + b, 0);
  const barWidth = WIDTH / bins.length;
  const unit =
    histogram.kind === "temporal" ? `bins of ${histogram.step}` : bins.length === 1 ? "bin" : "equal-width bins";
  const summary =
    `${formatNumber(bins.length)} ${unit} from ${binLabel(histogram, 0, dateOnly).split(" – ")[0]} to ` +
    `${binLabel(histogram, bins.length - 1, dateOnly).split(" – ")[1]}; ${formatNumber(total)} values; ` +
    `fullest bin ${binLabel(histogram, fullest, dateOnly)} with ${approximate ? "≈ " : ""}${formatNumber(counts[fullest])}.${approximate ? " Counts estimated from a sample." : ""}`;
  return (
    <figure className="m-0">
      <svg
        role="img"
        aria-labelledby={`${summaryId}-title`}
        aria-describedby={summaryId}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width={WIDTH}
        height={HEIGHT}
        tabIndex={0}
        className="block rounded-sm text-sky-600 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 dark:text-sky-400"
        data-testid="histogram"
      >
        <title id={`${summaryId}-title`}>{`Histogram of ${column}`}</title>
        {bins.map((b, i) => {
          const h = b.count === 0 ? 0 : Math.max(1, (b.count / max) * HEIGHT);
          return (
            <rect
              key={i}
              x={i * barWidth + 0.5}
              y={HEIGHT - h}
              width={Math.max(0.5, barWidth - 1)}
              height={h}
              fill="currentColor"
              data-count={b.count}
            >
              <title>{`${binLabel(histogram, i, dateOnly)}: ${formatNumber(b.count)}`}</title>
            </rect>
          );
        })}
      </svg>
      {approximate && <p className="text-xs text-zinc-500">≈ estimated from a sample</p>}
      <figcaption id={summaryId} className="sr-only">
        {summary}
      </figcaption>
    </figure>
  );
}
