import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/access";
import { getDb } from "@/lib/db";
import { AppError, conflict, notFound } from "@/lib/util/errors";
import { isUniqueViolation } from "@/lib/util/prisma-errors";
import { sqlConsoleConfig } from "./config";

export type SavedQuery = { id: string; name: string; sql: string; createdAt: string; updatedAt: string };

export const savedQueryNameSchema = z
  .string()
  .trim()
  .min(1, "Give the query a name.")
  .max(120, "A name has at most 120 characters.");

export const savedQuerySqlSchema = z
  .string()
  .trim()
  .min(1, "There is no SQL to save.")
  .refine((s) => s.length <= sqlConsoleConfig().maxSqlChars, { message: "The query is too long." });

const select = { id: true, name: true, sql: true, createdAt: true, updatedAt: true } as const;

function toSavedQuery(row: { id: string; name: string; sql: string; createdAt: Date; updatedAt: Date }): SavedQuery {
  return { ...row, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}

/** Rule: saved queries belong to an account; a link visitor has none and cannot save. */
function ownerOf(actor: Actor): string {
  if (actor.kind === "link" || actor.link)
    throw new AppError("forbidden", "Sign in and open the console from your workspace to save queries.");
  return actor.id;
}

const nameTaken = (name: string) =>
  conflict(`You already have a saved query named "${name}".`, { name: "This name is taken" });

/** The caller's saved queries, most recently changed first. */
export async function listSavedQueries(actor: Actor): Promise<SavedQuery[]> {
  const rows = await getDb().savedQuery.findMany({
    where: { userId: ownerOf(actor) },
    orderBy: { updatedAt: "desc" },
    select,
  });
  return rows.map(toSavedQuery);
}

/** One of the caller's saved queries; anyone else's is the same 404 as a missing one. */
async function own(actor: Actor, id: string) {
  const row = await getDb().savedQuery.findFirst({ where: { id, userId: ownerOf(actor) }, select });
  if (!row) throw notFound("Saved query not found");
  return row;
}

export async function getSavedQuery(actor: Actor, id: string): Promise<SavedQuery> {
  return toSavedQuery(await own(actor, id));
}

/** Saves SQL under a new name (409 when the caller already has a query of that name). */
export async function saveQuery(actor: Actor, input: { name: string; sql: string }): Promise<SavedQuery> {
  const name = savedQueryNameSchema.parse(input.name);
  const sql = savedQuerySqlSchema.parse(input.sql);
  try {
    return toSavedQuery(await getDb().savedQuery.create({ data: { userId: ownerOf(actor), name, sql }, select }));
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(name);
    throw error;
  }
}

/** Renames and/or replaces the SQL of one of the caller's saved queries. */
export async function updateSavedQuery(
  actor: Actor,
  id: string,
  input: { name?: string; sql?: string },
): Promise<SavedQuery> {
  await own(actor, id);
  const data = {
    ...(input.name !== undefined ? { name: savedQueryNameSchema.parse(input.name) } : {}),
    ...(input.sql !== undefined ? { sql: savedQuerySqlSchema.parse(input.sql) } : {}),
  };
  try {
    return toSavedQuery(await getDb().savedQuery.update({ where: { id }, data, select }));
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(data.name ?? "");
    throw error;
  }
}

export async function deleteSavedQuery(actor: Actor, id: string): Promise<void> {
  await own(actor, id);
  await getDb().savedQuery.delete({ where: { id } });
}
