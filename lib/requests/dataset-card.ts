import "server-only";
import { type Actor, type EffectiveRole, getEffectiveRole, listedCardVisible } from "@/lib/access";
import { datasetInclude, datasetResource } from "@/lib/catalog/load-dataset";
import { datasetPath } from "@/lib/catalog/dataset-view";
import { type Column, parseColumns, parseTags } from "@/lib/catalog/types";
import { getDb } from "@/lib/db";
import { notFound } from "@/lib/util/errors";
import { parseQuestions } from "./request-form";
import { type MyRequest, latestRequestOf } from "./my-requests";

/** What anyone signed in sees of a Listed dataset: never rows, statistics or files. */
export type DatasetCard = {
  id: string;
  name: string;
  slug: string;
  description: string;
  tags: string[];
  columns: Column[];
  rowCount: number;
  visibility: string;
  workspace: { name: string; slug: string; owner: string };
  path: string;
  questions: string[];
  terms: string;
  /** the viewer's role; null for someone who sees only the card */
  role: EffectiveRole | null;
  /** the viewer's latest request for it, if any */
  request: MyRequest | null;
};

export type DatasetCardRef = { id: string } | { workspaceId: string; slug: string };

/**
 * A dataset's card for the actor. Rule: shown when they may view the dataset or when it is Listed
 * (listedCardVisible); anything else, Private or missing, is the same 404 "Dataset not found" as
 * every dataset route answers, so the answer never tells a Private dataset from a missing one.
 */
export async function loadDatasetCard(actor: Actor, ref: DatasetCardRef): Promise<DatasetCard> {
  const where = "id" in ref ? { id: ref.id } : { workspaceId: ref.workspaceId, slug: ref.slug.toLowerCase() };
  const row = await getDb().dataset.findFirst({ where, include: datasetInclude });
  if (!row) throw notFound("Dataset not found");
  const role = await getEffectiveRole(actor, datasetResource(row));
  if (!role && !listedCardVisible(actor, row)) throw notFound("Dataset not found");
  const owner = row.workspace.owner.username ?? "";
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    description: row.description,
    tags: parseTags(row.tags),
    columns: parseColumns(row.columns),
    rowCount: Number(row.rowCount),
    visibility: row.visibility,
    workspace: { name: row.workspace.name, slug: row.workspace.slug, owner },
    path: datasetPath(owner, row.workspace.slug, row.slug),
    questions: parseQuestions(row.requestQuestions),
    terms: row.requestTerms,
    role,
    request: actor.kind === "link" ? null : await latestRequestOf(actor.id, "dataset", row.id),
  };
}
