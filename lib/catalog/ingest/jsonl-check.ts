import fs from "node:fs";
import readline from "node:readline";
import { type AppError, invalid } from "@/lib/util/errors";

/**
 * The first line of a JSON Lines file that is not one JSON object, as an error naming it.
 * Used after DuckDB rejects a file: its reported line numbers for newline-delimited JSON are
 * not reliable (off by one in 1.5), and the uploader needs the exact line to fix.
 */
export async function findBadJsonLine(file: string): Promise<AppError | null> {
  const lines = readline.createInterface({
    input: fs.createReadStream(file, { encoding: "utf8" }),
    crlfDelay: Infinity,
  });
  let number = 0;
  try {
    for await (const raw of lines) {
      number++;
      const line = number === 1 ? raw.replace(/^\uFEFF/, "") : raw;
      if (!line.trim()) continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (error) {
        const reason =
          error instanceof Error
            ? error.message.replace(/ in JSON at position.*$/, "").replace(/^Unexpected token.*?, /, "")
            : "not JSON";
        return invalid(`Line ${number}: malformed JSON (${reason}).`);
      }
      if (typeof value !== "object" || value === null || Array.isArray(value)) {
        return invalid(`Line ${number}: every line of a JSON Lines file must be one object ({"column": value, …}).`);
      }
    }
  } finally {
    lines.close();
  }
  return null;
}
