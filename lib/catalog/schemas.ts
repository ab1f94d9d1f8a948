import { z } from "zod";
import { nameCharacterProblem, normaliseName } from "@/lib/files/names";
import { VISIBILITIES } from "./types";

/** A dataset's display name: NFC, and the same character rules as file names (see nameCharacterProblem). */
export const datasetNameSchema = z
  .string({ error: "Give the dataset a name" })
  .transform(normaliseName)
  .pipe(
    z
      .string()
      .min(1, "Give the dataset a name")
      .max(120, "A dataset name can have at most 120 characters")
      .superRefine((name, context) => {
        const problem = nameCharacterProblem(name);
        if (problem) context.addIssue({ code: "custom", message: problem });
      }),
  );

const RESERVED_SLUGS = ["new", "ingests"];

export const datasetSlugSchema = z
  .string({ error: "Choose a URL name" })
  .trim()
  .toLowerCase()
  .min(1, "Choose a URL name")
  .max(64, "The URL name can have at most 64 characters")
  .regex(
    /^[a-z0-9](?:[a-z0-9_-]*[a-z0-9])?$/,
    "Use lowercase letters, digits, hyphens and underscores (not at the start or end)",
  )
  // These are pages of the catalog itself (/catalog/new, /catalog/ingests/…), not dataset URLs.
  .refine((slug) => !RESERVED_SLUGS.includes(slug), "That URL name is reserved; choose another");

export const descriptionSchema = z
  .string()
  .trim()
  .max(2000, "A description can have at most 2,000 characters")
  .default("");

const TAG = /^[\p{L}\p{N}][\p{L}\p{N} ._-]*$/u;

/** Tags as a list or a comma-separated string; stored lowercase, trimmed, without duplicates. */
export const tagsSchema = z
  .union([z.string(), z.array(z.string())])
  .default([])
  .transform((value) =>
    (Array.isArray(value) ? value : value.split(",")).map((t) => t.trim().toLowerCase()).filter(Boolean),
  )
  .transform((tags) => [...new Set(tags)])
  .pipe(
    z
      .array(
        z
          .string()
          .max(32, "A tag can have at most 32 characters")
          .regex(TAG, "Tags use letters, digits, spaces, dots, hyphens and underscores"),
      )
      .max(12, "A dataset can have at most 12 tags"),
  );

export const visibilitySchema = z.enum(VISIBILITIES, { error: 'Visibility is "private", "listed" or "public"' });

export const datasetMetadataSchema = z.object({
  name: datasetNameSchema,
  slug: datasetSlugSchema,
  description: descriptionSchema,
  tags: tagsSchema,
});
export type DatasetMetadata = z.output<typeof datasetMetadataSchema>;

/** A URL name from a free-text name ("Sales orders 2024" → "sales-orders-2024"). */
export function datasetSlugOf(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, "-")
    .replace(/^[-_]+|[-_]+$/g, "")
    .slice(0, 64)
    .replace(/[-_]+$/, "");
  if (!slug) return "dataset";
  return RESERVED_SLUGS.includes(slug) ? `${slug}-data` : slug;
}

/** A readable dataset name from an uploaded file's name ("sales_orders-2024.csv" → "Sales orders 2024"). */
export function datasetNameOf(filename: string): string {
  const base = filename
    .replace(/\.[A-Za-z0-9]+$/, "")
    .replace(/[_-]+/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 120)
    .replace(/[\s.]+$/u, "");
  return base ? base[0]!.toUpperCase() + base.slice(1) : "Untitled dataset";
}
