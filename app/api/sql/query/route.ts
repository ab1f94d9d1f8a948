import { readJson, withRequestActor } from "@/lib/api/route";
import { noStoreJson } from "@/lib/api/responses";
import { runConsoleQuery } from "@/lib/sql-console/run-console-query";
import { consoleQuerySchema } from "@/lib/sql-console/query-input";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * The console page's runs: the signed-in user, or with ?link=<token> an access link's visitor,
 * whose link (expiry, revocation, password) is checked again on every run.
 */
export async function POST(request: Request): Promise<Response> {
  return withRequestActor(request, async (actor) =>
    noStoreJson(await runConsoleQuery(actor, await readJson(request, consoleQuerySchema))),
  );
}
