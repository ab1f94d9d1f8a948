import { AppError } from "@/lib/util/errors";

/** The smallest group a "Totals only" grant serves unless its owner chose another size. */
export const DEFAULT_MIN_GROUP_SIZE = 10;
export const MIN_GROUP_SIZE_RANGE = { min: 2, max: 1000 } as const;

/**
 * Rule: "Totals only" (aggregate) is given on a dataset and nothing else. Summaries run on a
 * dataset's table; on a workspace, folder or file the role would either show nothing or, worse,
 * be read as some weaker kind of view, so it is refused where the grant is made or changed.
 */
export function assertAggregateTarget(role: string, resourceType: string): void {
  if (role === "aggregate" && resourceType !== "dataset") {
    throw new AppError("invalid", '"Totals only" can be given on a dataset only.', {
      role: "Totals only is for datasets",
    });
  }
}
