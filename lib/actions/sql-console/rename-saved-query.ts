"use server";
import { z } from "zod";
import { updateSavedQuery } from "@/lib/sql-console/saved-queries";
import { defineAction } from "../define-action";

const input = z.object({ id: z.string().min(1), name: z.string() });

export const renameSavedQueryAction = defineAction(input, ({ id, name }, user) => updateSavedQuery(user, id, { name }));
