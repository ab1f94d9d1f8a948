import { foldForSearch } from "../search-fold";
import type { DatasetCard } from "./card-schema";
import { licenseById } from "./licenses";

/** The folded text of a card the catalog search matches: README, column descriptions, source, citation and license. */
export function cardSearchTextOf(card: DatasetCard): string {
  const license =
    card.license.kind === "spdx"
      ? `${card.license.id} ${licenseById(card.license.id)?.name ?? ""}`
      : card.license.kind === "other"
        ? card.license.text
        : "";
  return foldForSearch(
    [card.readme, ...Object.values(card.columns), card.source, card.citation.text, license].join("\n"),
  );
}
