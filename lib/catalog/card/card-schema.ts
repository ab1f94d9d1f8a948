import { z } from "zod";
import { licenseById } from "./licenses";
import { formatNumber } from "@/lib/util/format";

export const README_MAX_BYTES = 100 * 1024;
export const COLUMN_DESCRIPTION_MAX = 1000;
export const CITATION_MAX = 10_000;
export const SOURCE_MAX = 2000;
export const LICENSE_TEXT_MAX = 200;

/** The card's license: one from the SPDX list, another named in free text, or none said. */
export type CardLicense = { kind: "spdx"; id: string } | { kind: "other"; text: string } | { kind: "none" };

/** A dataset card as stored (Dataset.card and each DatasetCardRevision.card). */
export type DatasetCard = {
  readme: string;
  license: CardLicense;
  citation: { format: "bibtex" | "text"; text: string };
  /** where the data comes from: a URL or a sentence */
  source: string;
  /** column name → its description (the data dictionary); columns without one are absent */
  columns: Record<string, string>;
};

export const CARD_FIELDS = ["readme", "license", "citation", "source", "columns"] as const;
export type CardField = (typeof CARD_FIELDS)[number];

export const EMPTY_CARD: DatasetCard = {
  readme: "",
  license: { kind: "none" },
  citation: { format: "text", text: "" },
  source: "",
  columns: {},
};

const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;

const readmeSchema = z
  .string()
  .transform((text) => text.replace(/\r\n?/g, "\n"))
  .superRefine((text, context) => {
    const bytes = utf8Bytes(text);
    if (bytes > README_MAX_BYTES)
      context.addIssue({
        code: "custom",
        message: `The README can be at most 100 KB; this one is ${formatNumber(Math.ceil(bytes / 1024))} KB.`,
      });
  });

const licenseSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({
      kind: z.literal("spdx"),
      id: z
        .string()
        .trim()
        .transform((id, context) => {
          const license = licenseById(id);
          if (!license) {
            context.addIssue({
              code: "custom",
              message: `"${id.slice(0, 60)}" is not a license on the list; choose "other" and name it in text`,
            });
            return z.NEVER;
          }
          return license.id;
        }),
    }),
    z.object({
      kind: z.literal("other"),
      text: z
        .string()
        .trim()
        .min(1, "Name the license")
        .max(LICENSE_TEXT_MAX, `A license name can have at most ${LICENSE_TEXT_MAX} characters`),
    }),
    z.object({ kind: z.literal("none") }),
  ],
  { error: 'The license is { kind: "spdx", id }, { kind: "other", text } or { kind: "none" }' },
);

const citationSchema = z.object({
  format: z.enum(["bibtex", "text"], { error: 'The citation format is "bibtex" or "text"' }),
  text: z
    .string()
    .trim()
    .max(CITATION_MAX, `A citation can have at most ${formatNumber(CITATION_MAX)} characters`),
});

const sourceSchema = z
  .string()
  .trim()
  .max(SOURCE_MAX, `The source can have at most ${formatNumber(SOURCE_MAX)} characters`);

const columnDescriptionsSchema = z.record(
  z.string().min(1),
  z
    .string()
    .trim()
    .max(
      COLUMN_DESCRIPTION_MAX,
      `A column description can have at most ${formatNumber(COLUMN_DESCRIPTION_MAX)} characters`,
    ),
);

/**
 * A card update: every field optional (absent: unchanged). `columns` is merged into the stored
 * descriptions; an empty description removes that column's. `baseRevision`, when given, must be
 * the card's current revision, so a save never silently overwrites someone else's newer card.
 */
export const cardUpdateSchema = z
  .object({
    readme: readmeSchema.optional(),
    license: licenseSchema.optional(),
    citation: citationSchema.optional(),
    source: sourceSchema.optional(),
    columns: columnDescriptionsSchema.optional(),
    baseRevision: z.number().int().min(0).optional(),
  })
  .strict();
export type CardUpdate = z.output<typeof cardUpdateSchema>;

const storedSchema = z.object({
  readme: z.string().catch(""),
  license: licenseSchema.catch({ kind: "none" }),
  citation: citationSchema.catch(EMPTY_CARD.citation),
  source: z.string().catch(""),
  columns: z.record(z.string(), z.string()).catch({}),
});

/** The card stored in the database as a DatasetCard (a missing or damaged field reads as empty, never as an error). */
export function parseCard(value: unknown): DatasetCard {
  const parsed = storedSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : EMPTY_CARD;
}
