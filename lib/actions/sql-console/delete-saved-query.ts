"use server";
import { z } from "zod";
import { deleteSavedQuery } from "@/lib/sql-console/saved-queries";
import { defineAction } from "../define-action";

const input = z.object({ id: z.string().min(1) });

export const deleteSavedQueryAction = defineAction(input, ({ id }, user) => deleteSavedQuery(user, id));
