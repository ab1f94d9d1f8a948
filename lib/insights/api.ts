import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/access";
import { notFound } from "@/lib/util/errors";
import { getInsights, type Insights } from "./get-insights";
import { INSIGHT_SUBJECTS } from "./paths";

export const insightsQuerySchema = z.object({
  resourceType: z.enum(INSIGHT_SUBJECTS).describe("dataset, file, folder, or link (an access key's id)"),
  resourceId: z.string().min(1).max(200),
});

/**
 * A resource's or access key's insights through the REST API, within one workspace. Rule: the
 * caller must manage the resource (getInsights), and a resource of another workspace is 404 here.
 */
export async function workspaceInsights(
  actor: Actor,
  workspaceId: string,
  query: z.output<typeof insightsQuerySchema>,
): Promise<Insights> {
  const insights = await getInsights(actor, query.resourceType, query.resourceId);
  if (insights.subject.workspace.id !== workspaceId) throw notFound("Not found");
  return insights;
}
