import { z } from "zod";
import { EVENT_KINDS } from "./describe-event";

export const ACTIVITY_PAGE_SIZE = 50;

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" || value === null ? undefined : value), schema.optional());

/**
 * The Activity page's filters, as they appear in its URL (and the CSV export's): a person (user
 * id), a kind of event, a resource ("dataset:<id>") and a page number; all combine.
 */
export const activityFilterSchema = z.object({
  person: optional(z.string().max(64, "Choose a person from the list.")),
  kind: optional(z.enum(EVENT_KINDS, { error: "Choose a kind of event from the list." })),
  resource: optional(
    z.string().regex(/^(dataset|file|folder|workspace):[A-Za-z0-9_-]{1,64}$/, "Choose a resource from the list."),
  ),
  page: z.preprocess(
    (value) => (value === "" || value === undefined || value === null ? undefined : value),
    z.coerce
      .number({ error: "A page is a whole number from 1." })
      .int("A page is a whole number from 1.")
      .min(1, "A page is a whole number from 1.")
      .max(1_000_000, "There are not that many pages.")
      .default(1),
  ),
});

export type ActivityFilter = z.infer<typeof activityFilterSchema>;

/** The query string of a filter (page 1 and empty filters left out), for links and the export. */
export function activityQuery(filter: Partial<ActivityFilter>): string {
  const params = new URLSearchParams();
  if (filter.person) params.set("person", filter.person);
  if (filter.kind) params.set("kind", filter.kind);
  if (filter.resource) params.set("resource", filter.resource);
  if (filter.page && filter.page > 1) params.set("page", String(filter.page));
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** The CSV export's query: the filters (every page) of one workspace. */
export const activityExportQuery = activityFilterSchema
  .omit({ page: true })
  .extend({ workspace: z.string().min(1, "Name the workspace.").max(64, "Name the workspace.") });
