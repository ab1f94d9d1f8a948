import "server-only";
import type { Actor } from "@/lib/access";
import { type DatasetRef, loadDataset } from "../load-dataset";
import { parseCard } from "./card-schema";
import { type CardView, toCardView } from "./card-view";

/** A dataset's current card, for anyone who can view the dataset, view-only included (unknown and unreadable: the same 404). */
export async function getDatasetCard(actor: Actor, ref: DatasetRef): Promise<CardView> {
  const { dataset } = await loadDataset(actor, ref, "view");
  return toCardView(parseCard(dataset.card), dataset.cardRevision);
}
