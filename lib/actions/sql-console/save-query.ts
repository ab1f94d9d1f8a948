"use server";
import { z } from "zod";
import { saveQuery } from "@/lib/sql-console/saved-queries";
import { defineAction } from "../define-action";

const input = z.object({ name: z.string(), sql: z.string() });

export const saveQueryAction = defineAction(input, (query, user) => saveQuery(user, query));
