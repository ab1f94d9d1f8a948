"use server";
import { z } from "zod";
import { updateSavedQuery } from "@/lib/sql-console/saved-queries";
import { defineAction } from "../define-action";

const input = z.object({ id: z.string().min(1), sql: z.string() });

export const updateSavedQueryAction = defineAction(input, ({ id, sql }, user) => updateSavedQuery(user, id, { sql }));
