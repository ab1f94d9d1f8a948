import { readQuery, withRequestActor } from "@/lib/api/route";
import { downloadResponse } from "@/lib/catalog/http/responses";
import { consoleExportSchema, exportConsoleResult } from "@/lib/sql-console/export-console-result";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** A console result as a CSV or Parquet download, for the signed-in user or an access link (?link=). */
export async function GET(request: Request): Promise<Response> {
  return withRequestActor(request, async (actor) =>
    downloadResponse(await exportConsoleResult(actor, readQuery(request, consoleExportSchema))),
  );
}
