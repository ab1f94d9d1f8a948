import "server-only";
import { type Actor, allows } from "@/lib/access";
import { type DatasetRef, loadDataset } from "@/lib/catalog/load-dataset";
import { type Column, parseColumns, parseTags } from "@/lib/catalog/types";
import { notFound } from "@/lib/util/errors";
import { minGroupSizeFor } from "./min-group-size";

export type AggregateDatasetView = {
  id: string;
  name: string;
  path: string;
  description: string;
  tags: string[];
  columns: Column[];
  version: number;
  /** the number of rows, only when it is itself at least the minimum group size (else null) */
  rowCount: number | null;
  minGroupSize: number;
};

/**
 * Rule: what a "Totals only" grantee sees of a dataset without any rows: its name, description,
 * tags and columns (names and types), the current version's number, and the row count when that
 * count is itself a group of at least their minimum size (the ungrouped total they could ask for).
 * No previews, statistics, versions list or downloads. Anyone who may view rows gets the full
 * page instead, so for them this answers not found.
 */
export async function loadAggregateDatasetView(actor: Actor, ref: DatasetRef): Promise<AggregateDatasetView> {
  const { dataset, role } = await loadDataset(actor, ref, "summarise");
  if (allows(role, "view")) throw notFound("Dataset not found");
  const k = (await minGroupSizeFor(actor, dataset.id, role)) ?? 1;
  const rows = Number(dataset.rowCount);
  return {
    id: dataset.id,
    name: dataset.name,
    path: `${dataset.workspace.owner.username}/${dataset.workspace.slug}/${dataset.slug}`,
    description: dataset.description,
    tags: parseTags(dataset.tags),
    columns: parseColumns(dataset.columns),
    version: dataset.version,
    rowCount: rows >= k ? rows : null,
    minGroupSize: k,
  };
}
