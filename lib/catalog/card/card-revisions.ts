import "server-only";
import type { Actor } from "@/lib/access";
import { getDb } from "@/lib/db";
import { notFound } from "@/lib/util/errors";
import { type DatasetRef, loadDataset } from "../load-dataset";
import { usernamesOf } from "../dataset-view";
import { CARD_FIELDS, type CardField, parseCard } from "./card-schema";
import { type CardView, toCardView } from "./card-view";

/** One entry of a card's history: who saved it, when, what changed, and the data version then current. */
export type CardRevisionSummary = {
  number: number;
  createdAt: string;
  createdBy: string | null;
  changed: CardField[];
  dataVersion: number;
};

export type CardRevisionView = CardRevisionSummary & { card: CardView };

const summarySelect = { number: true, createdAt: true, createdById: true, changed: true, dataVersion: true } as const;

function changedOf(value: unknown): CardField[] {
  return Array.isArray(value) ? CARD_FIELDS.filter((f) => value.includes(f)) : [];
}

async function summaries(
  rows: { number: number; createdAt: Date; createdById: string | null; changed: unknown; dataVersion: number }[],
): Promise<CardRevisionSummary[]> {
  const names = await usernamesOf(rows.map((r) => r.createdById));
  return rows.map((r) => ({
    number: r.number,
    createdAt: r.createdAt.toISOString(),
    createdBy: r.createdById ? (names.get(r.createdById) ?? null) : null,
    changed: changedOf(r.changed),
    dataVersion: r.dataVersion,
  }));
}

/** A dataset card's revisions, newest first (anyone who can view the dataset, view-only included; unreadable is the same 404). */
export async function listCardRevisions(actor: Actor, ref: DatasetRef, { take = 100 } = {}) {
  const { dataset } = await loadDataset(actor, ref, "view");
  const rows = await getDb().datasetCardRevision.findMany({
    where: { datasetId: dataset.id },
    orderBy: { number: "desc" },
    take,
    select: summarySelect,
  });
  return summaries(rows);
}

/** One earlier (or the current) state of a dataset's card, by revision number. */
export async function getCardRevision(actor: Actor, ref: DatasetRef, number: number): Promise<CardRevisionView> {
  const { dataset } = await loadDataset(actor, ref, "view");
  const row = await getDb().datasetCardRevision.findUnique({
    where: { datasetId_number: { datasetId: dataset.id, number } },
    select: { ...summarySelect, card: true },
  });
  if (!row) throw notFound("That card revision does not exist");
  const [summary] = await summaries([row]);
  return { ...summary!, card: toCardView(parseCard(row.card), row.number) };
}
