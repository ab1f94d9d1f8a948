import "server-only";
import type { Actor } from "@/lib/access";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { conflict, invalid } from "@/lib/util/errors";
import { isUniqueViolation } from "@/lib/util/prisma-errors";
import { type DatasetRef, loadDataset } from "../load-dataset";
import { parseColumns } from "../types";
import {
  CARD_FIELDS,
  type CardField,
  type CardUpdate,
  type DatasetCard,
  cardUpdateSchema,
  parseCard,
} from "./card-schema";
import { cardSearchTextOf } from "./card-search-text";
import { type CardView, toCardView } from "./card-view";

const stale = () =>
  conflict("The card was changed by someone else since you opened it. Reload to see their version, then edit again.");

/**
 * The card after an update: absent fields kept; column descriptions merged, an empty one removed.
 * A description may only be given for a column the current data version has (removing one of a
 * column that has gone is always allowed).
 */
function applyUpdate(current: DatasetCard, update: CardUpdate, columnNames: Set<string>): DatasetCard {
  const columns = { ...current.columns };
  const unknown: Record<string, string> = {};
  for (const [name, description] of Object.entries(update.columns ?? {})) {
    if (!description) delete columns[name];
    else if (!columnNames.has(name)) unknown[`columns.${name}`] = `There is no column "${name}" in this dataset`;
    else columns[name] = description;
  }
  if (Object.keys(unknown).length > 0)
    throw invalid("Column descriptions can only be given for the dataset's columns.", unknown);
  return {
    readme: update.readme ?? current.readme,
    license: update.license ?? current.license,
    citation: update.citation ?? current.citation,
    source: update.source ?? current.source,
    columns,
  };
}

function changedFields(before: DatasetCard, after: DatasetCard): CardField[] {
  return CARD_FIELDS.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
}

/**
 * Saves a dataset's card (editors and managers: the "write" capability) and keeps the previous
 * state as a revision: who, when, which fields changed, and the data version then current. A save
 * that changes nothing records nothing. Returns the card as it now stands.
 */
export async function updateDatasetCard(actor: Actor, ref: DatasetRef, input: unknown): Promise<CardView> {
  const update = cardUpdateSchema.parse(input ?? {});
  const { dataset } = await loadDataset(actor, ref, "write");
  if (update.baseRevision !== undefined && update.baseRevision !== dataset.cardRevision) throw stale();
  const before = parseCard(dataset.card);
  const after = applyUpdate(before, update, new Set(parseColumns(dataset.columns).map((c) => c.name)));
  const changed = changedFields(before, after);
  if (changed.length === 0) return toCardView(before, dataset.cardRevision);
  const revision = dataset.cardRevision + 1;
  try {
    await getDb().$transaction(async (tx) => {
      // Only from the revision that was read: two saves racing cannot both win.
      const { count } = await tx.dataset.updateMany({
        where: { id: dataset.id, cardRevision: dataset.cardRevision },
        data: { card: after, cardRevision: revision, cardSearchText: cardSearchTextOf(after), updatedById: actor.id },
      });
      if (count === 0) throw stale();
      await tx.datasetCardRevision.create({
        data: {
          datasetId: dataset.id,
          number: revision,
          card: after,
          changed,
          dataVersion: dataset.version,
          createdById: actor.id,
        },
      });
      await recordAudit(tx, {
        workspaceId: dataset.workspaceId,
        actor,
        action: "dataset.card_updated",
        resourceType: "dataset",
        resourceId: dataset.id,
        details: { revision, changed },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw stale();
    throw error;
  }
  return toCardView(after, revision);
}
