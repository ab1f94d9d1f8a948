import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/access";
import { childAncestryOf } from "@/lib/access/files";
import { recordAudit } from "@/lib/audit/record";
import { getDb, type Tx } from "@/lib/db";
import { invalid } from "@/lib/util/errors";
import { findChildByName, freeNameIn, retryOnNameRace } from "./clash";
import { assertDepth } from "./create-folder";
import { slotIn } from "./entry-model";
import { type LoadedEntry, loadEntries, loadEntry } from "./load-entry";
import { nameKey } from "./names";
import { moveToTrash } from "./trash-core";
import { topmostOnly } from "./topmost";

export const moveEntriesInput = z.object({
  ids: z.array(z.string().min(1)).min(1).max(1000),
  targetId: z.string().min(1),
  /** "ask": change nothing and report the clashing names when there are any */
  onClash: z.enum(["ask", "keep-both", "replace", "skip"]).default("ask"),
});

export type MoveResult = {
  moved: number;
  renamed: { from: string; to: string }[];
  replaced: string[];
  skipped: string[];
  clashes: string[];
};

/** Ancestries of everything below `entry` (one value per folder in its subtree). */
async function subtreeAncestries(tx: Tx, entry: LoadedEntry): Promise<string[]> {
  if (entry.kind !== "folder") return [];
  const rows = await tx.fileEntry.findMany({
    where: { workspaceId: entry.workspaceId, ancestry: { startsWith: childAncestryOf(entry) } },
    select: { ancestry: true },
    distinct: ["ancestry"],
  });
  return rows.map((r) => r.ancestry);
}

/**
 * Moves entries into a folder. Rule: a folder can never move into itself or below itself, nor
 * across workspaces; name clashes follow `onClash` (replace sends the existing item to the trash;
 * it only replaces an item of the same kind, otherwise both are kept).
 */
export async function moveEntries(actor: Actor, input: z.input<typeof moveEntriesInput>): Promise<MoveResult> {
  const { ids, targetId, onClash } = moveEntriesInput.parse(input);
  const target = await loadEntry(actor, targetId, "write", { kind: "folder" });
  const loaded = await loadEntries(actor, ids, "write");
  const entries = topmostOnly(loaded).filter((e) => e.parentId !== target.id);
  const newAncestry = childAncestryOf(target);
  for (const e of entries) {
    if (!e.parentId) throw invalid("The workspace's top folder cannot be moved.");
    if (e.workspaceId !== target.workspaceId) throw invalid("Items can only be moved within their workspace.");
    if (e.id === target.id || target.ancestry.includes(`/${e.id}/`)) {
      throw invalid(`"${e.name}" cannot be moved into itself or one of its own subfolders.`);
    }
  }
  const place = { workspaceId: target.workspaceId, parentId: target.id };
  const db = getDb();
  if (onClash === "ask") {
    const clashes: string[] = [];
    for (const e of entries) if (await findChildByName(db, place, e.name)) clashes.push(e.name);
    if (clashes.length) return { moved: 0, renamed: [], replaced: [], skipped: [], clashes };
  }
  return retryOnNameRace(() =>
    db.$transaction(async (tx) => {
      const out: MoveResult = { moved: 0, renamed: [], replaced: [], skipped: [], clashes: [] };
      for (const e of entries) {
        const oldPrefix = childAncestryOf(e);
        const newPrefix = `${newAncestry}${e.id}/`;
        const below = await subtreeAncestries(tx, e);
        assertDepth(newAncestry);
        for (const a of below) assertDepth(newPrefix + a.slice(oldPrefix.length));
        let name = e.name;
        const existing = await findChildByName(tx, place, e.name);
        if (existing) {
          if (onClash === "skip") {
            out.skipped.push(e.name);
            continue;
          }
          if (onClash === "replace" && existing.kind === e.kind) {
            await moveToTrash(tx, actor, existing);
            out.replaced.push(e.name);
          } else {
            name = await freeNameIn(tx, place, e.name);
            out.renamed.push({ from: e.name, to: name });
          }
        }
        await tx.fileEntry.update({
          where: { id: e.id },
          data: { parentId: target.id, slot: slotIn(target.id), ancestry: newAncestry, name, nameLower: nameKey(name) },
        });
        for (const a of below) {
          await tx.fileEntry.updateMany({
            where: { workspaceId: e.workspaceId, ancestry: a },
            data: { ancestry: newPrefix + a.slice(oldPrefix.length) },
          });
        }
        await recordAudit(tx, {
          workspaceId: e.workspaceId,
          actor,
          action: `${e.kind}.moved`,
          resourceType: e.kind,
          resourceId: e.id,
          details: { name, from: e.parentId, to: target.id },
        });
        out.moved++;
      }
      return out;
    }),
  );
}
