import "server-only";
import { randomBytes } from "node:crypto";
import fsp from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { type Actor, VIEW_ONLY_MESSAGE, allows } from "@/lib/access";
import { catalogTempDir } from "@/lib/catalog/config";
import { copyCapped, streamAndDelete } from "@/lib/catalog/export-capped";
import { takeExportSlots } from "@/lib/catalog/export-slots";
import { neutraliseFormulas } from "@/lib/catalog/csv-formulas";
import type { DatasetExport } from "@/lib/catalog/export-dataset";
import { quoteLiteral } from "@/lib/catalog/sql";
import { recordAccess } from "@/lib/insights/record-access";
import { forbidden } from "@/lib/util/errors";
import { analyzeSql } from "./analyze-sql";
import { sqlConsoleConfig } from "./config";
import { consoleQuerySchema } from "./query-input";
import { resolveDatasets, withConsoleSandbox } from "./run-console-query";

export const consoleExportSchema = z.object({
  sql: consoleQuerySchema.shape.sql,
  format: z.enum(["csv", "parquet"], { error: 'The download format is "csv" or "parquet".' }),
});

// Fixed option lists, chosen by the enum above: never built from input.
const COPY_OPTIONS = { csv: "FORMAT csv, HEADER true", parquet: "FORMAT parquet, COMPRESSION zstd" } as const;
const CONTENT_TYPES = { csv: "text/csv; charset=utf-8", parquet: "application/vnd.apache.parquet" } as const;

/**
 * The whole result of a console query (at most SQL_CONSOLE_MAX_EXPORT_ROWS rows) as CSV or
 * Parquet. Rule: the same checks as a run (analyzeSql, resolveDatasets, the sandbox) and, as a
 * download, every dataset read must allow "read": one view-only dataset makes the result view-only.
 * The query is written into COPY only after DuckDB's parser accepted it wrapped as a subquery on
 * its own (so no text of it can close the COPY). CSV cells a spreadsheet would run as formulas are
 * neutralised, as in dataset exports. Like them, a result download counts against the exports one
 * user or link may run at once (takeExportSlots, 429 beyond) and stops at CATALOG_MAX_EXPORT_BYTES
 * (copyCapped, 413), so console downloads cannot fill the disk or crowd out other work.
 */
export async function exportConsoleResult(actor: Actor, input: unknown): Promise<DatasetExport> {
  const { sql, format } = consoleExportSchema.parse(input);
  const datasets = await resolveDatasets(actor, await analyzeSql(sql));
  if (!datasets.every((d) => allows(d.role, "read"))) throw forbidden(VIEW_ONLY_MESSAGE);
  const inner = sql.replace(/[\s;]+$/, "");
  const wrapped = `SELECT * FROM (\n${inner}\n) LIMIT ${Math.floor(sqlConsoleConfig().maxExportRows)}`;
  await analyzeSql(wrapped);
  const slots = await takeExportSlots(actor);
  const dir = path.join(catalogTempDir(), "sql-export", randomBytes(8).toString("hex"));
  const file = path.join(dir, `result.${format}`);
  try {
    await fsp.mkdir(dir, { recursive: true });
    await withConsoleSandbox(
      datasets,
      async (connection) => {
        let select = wrapped;
        if (format === "csv") {
          const described = (await connection.runAndReadAll(`DESCRIBE ${wrapped}`)).getRowsJson();
          const columns = described.map((r) => ({ name: String(r[0]), type: String(r[1]) }));
          if (new Set(columns.map((c) => c.name)).size === columns.length)
            select = `SELECT ${columns.map(neutraliseFormulas).join(", ")} FROM (${wrapped})`;
        }
        await copyCapped(connection, dir, () =>
          connection.run(`COPY (${select}) TO ${quoteLiteral(file)} (${COPY_OPTIONS[format]})`),
        );
      },
      dir,
    );
    // Recorded once the file is ready (a refused or failed download is not one); inside the try so a failed
    // record still gives the slot back.
    for (const d of datasets)
      await recordAccess(actor, {
        workspaceId: d.workspaceId,
        action: "dataset.downloaded",
        resourceType: "dataset",
        resourceId: d.datasetId,
        details: {
          version: d.version,
          format,
          filtered: true,
          via: "sql",
          ...(actor.link ? { link: actor.link.id } : {}),
        },
        variant: `sql:${format}:${sql}`,
      });
  } catch (error) {
    slots.release();
    await fsp.rm(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    body: streamAndDelete(file, dir, slots.release),
    filename: `query-result.${format}`,
    contentType: CONTENT_TYPES[format],
  };
}
