import { z } from "zod";
import { sqlConsoleConfig } from "./config";

/** A console request: the SQL and which page of its result (a cursor from the previous page, or an offset). */
export const consoleQuerySchema = z.object({
  sql: z
    .string({ error: "Write a SQL query." })
    .trim()
    .min(1, "Write a SQL query.")
    .refine((s) => s.length <= sqlConsoleConfig().maxSqlChars, {
      message: "The query is too long.",
    })
    .refine((s) => !s.includes("\0"), { message: "The query cannot contain a NUL character." }),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
  cursor: z.string().max(200).optional(),
});

export type ConsoleQueryInput = z.input<typeof consoleQuerySchema>;
