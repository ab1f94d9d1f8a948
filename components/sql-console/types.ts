/** What the console's routes answer (lib/sql-console/run-console-query.ts ConsoleResult, as JSON). */
export type ConsoleResult = {
  columns: { name: string; type: string }[];
  rows: unknown[][];
  total: number;
  truncated: boolean;
  offset: number;
  limit: number;
  nextCursor: string | null;
  datasets: { name: string; version: number }[];
  downloadable: boolean;
};

export type SavedQueryItem = { id: string; name: string; sql: string; updatedAt: string };
