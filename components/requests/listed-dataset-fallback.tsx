import type { ReactNode } from "react";
import type { Actor } from "@/lib/access";
import { loadDatasetCard } from "@/lib/requests/dataset-card";
import { AppError } from "@/lib/util/errors";
import { ListedDatasetCard } from "./listed-dataset-card";

/**
 * For a dataset page whose loader answered "not found": the Listed dataset's card with Request
 * access when the actor may see it (loadDatasetCard's rule), else the same not-found error again,
 * so a Private dataset stays the very 404 of a missing one.
 */
export async function listedCardOr(
  error: unknown,
  actor: Actor,
  ref: { workspaceId: string; slug: string },
): Promise<ReactNode> {
  if (!(error instanceof AppError) || error.code !== "not_found") throw error;
  const card = await loadDatasetCard(actor, ref).catch(() => null);
  if (!card || card.role) throw error;
  return <ListedDatasetCard card={card} />;
}
