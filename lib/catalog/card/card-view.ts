import { type CardLicense, type DatasetCard } from "./card-schema";
import { licenseById } from "./licenses";

/** A card's license as pages and the API show it: identifier, name and link when it is on the SPDX list. */
export type LicenseView =
  { kind: "spdx"; id: string; name: string; url: string } | { kind: "other"; text: string } | { kind: "none" };

/** A dataset card with its revision, as pages and the REST API show it. */
export type CardView = Omit<DatasetCard, "license"> & {
  license: LicenseView;
  /** the card's revision number; 0: never edited */
  revision: number;
};

export function licenseView(license: CardLicense): LicenseView {
  if (license.kind !== "spdx") return license;
  const known = licenseById(license.id);
  return known ? { kind: "spdx", ...known } : { kind: "other", text: license.id };
}

export function toCardView(card: DatasetCard, revision: number): CardView {
  return { ...card, license: licenseView(card.license), revision };
}

/** Whether the card says anything at all (an empty card is shown as an invitation to write one). */
export function isCardEmpty(card: DatasetCard): boolean {
  return (
    !card.readme.trim() &&
    card.license.kind === "none" &&
    !card.citation.text &&
    !card.source &&
    Object.keys(card.columns).length === 0
  );
}

/** Columns with the card's description of each (the grid header shows it). */
export function withDescriptions<C extends { name: string }>(
  columns: C[],
  descriptions: Record<string, string>,
): (C & { description?: string })[] {
  return columns.map((c) => (Object.hasOwn(descriptions, c.name) ? { ...c, description: descriptions[c.name] } : c));
}
