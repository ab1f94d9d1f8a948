/** What insights are shown for: a resource, or an access link. */
export const INSIGHT_SUBJECTS = ["dataset", "file", "folder", "link"] as const;
export type InsightSubject = (typeof INSIGHT_SUBJECTS)[number];

/** The insights page of a resource or link in its workspace. */
export function insightsPath(workspace: { owner: string; slug: string }, subject: InsightSubject, id: string): string {
  return `/w/${encodeURIComponent(workspace.owner)}/${encodeURIComponent(workspace.slug)}/insights/${subject}/${encodeURIComponent(id)}`;
}
