import "server-only";
import type { Actor } from "@/lib/access";
import { neutraliseFormulaText } from "@/lib/catalog/csv-formulas";
import { getDb } from "@/lib/db";
import type { ActivityFilter } from "./activity-filter";
import { activityWhere, loadManagedWorkspace, toCsvFields, toRecord } from "./list-events";
import { resolveEventNames } from "./resolve-names";
import { sentenceText } from "./sentence";

/** Events read, named and written per round trip while streaming. */
const BATCH = 500;

export const ACTIVITY_CSV_HEADER = ["time", "actor", "action", "sentence", "resource"] as const;

/** One CSV field: formulas neutralised (csv-formulas.ts), always quoted. */
function field(value: string): string {
  return `"${neutraliseFormulaText(value).replace(/"/g, '""')}"`;
}

const line = (values: string[]) => `${values.map(field).join(",")}\r\n`;

/**
 * The workspace's events under `filter` (every page), newest first, as a CSV stream: time in ISO
 * 8601 UTC, actor, action, the sentence as plain text, resource. For the workspace's managers;
 * the access check happens before the stream starts. Reads in batches with a keyset cursor, so
 * memory stays flat however long the trail is.
 */
export async function exportActivityCsv(
  actor: Actor,
  workspaceId: string,
  filter: Omit<ActivityFilter, "page">,
): Promise<{ stream: ReadableStream<Uint8Array>; filename: string }> {
  const workspace = await loadManagedWorkspace(actor, workspaceId);
  const where = activityWhere(workspaceId, filter);
  const encoder = new TextEncoder();
  let cursor: string | null = null;
  let started = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        // A byte order mark, so spreadsheet programs read the names as UTF-8.
        controller.enqueue(encoder.encode(`\uFEFF${line([...ACTIVITY_CSV_HEADER])}`));
        return;
      }
      const rows = (
        await getDb().auditEvent.findMany({
          where,
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          take: BATCH,
          ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
        })
      ).map(toRecord);
      if (rows.length === 0) {
        controller.close();
        return;
      }
      cursor = rows[rows.length - 1]!.id;
      const names = await resolveEventNames(rows, { workspaceId });
      const text = rows
        .map((r) => {
          const { actor: who, resource, sentence } = toCsvFields(r, names);
          return line([r.createdAt.toISOString(), who, r.action, sentenceText(sentence), resource]);
        })
        .join("");
      controller.enqueue(encoder.encode(text));
      if (rows.length < BATCH) controller.close();
    },
  });
  const day = new Date().toISOString().slice(0, 10);
  return { stream, filename: `activity-${workspace.slug}-${day}.csv` };
}
