import type { ColumnProfile } from "@/lib/catalog/profile/types";
import { formatNumber } from "@/lib/util/format";

/** A distinct count marked "exact" or "≈ approximate" (a HyperLogLog estimate beyond the exact limit). */
export function DistinctCount({ column }: { column: ColumnProfile }) {
  if (column.distinct === null) return <span className="text-zinc-500">—</span>;
  if (column.distinctExact)
    return (
      <span>
        {formatNumber(column.distinct)} <span className="text-xs text-zinc-500">exact</span>
      </span>
    );
  return (
    <span title="Approximate: estimated (HyperLogLog) because the version is larger than the exact-count limit">
      ≈ {formatNumber(column.distinct)} <span className="text-xs text-zinc-500">approximate</span>
    </span>
  );
}
