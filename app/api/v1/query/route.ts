import { apiRoute, readJson } from "@/lib/api/route";
import { routeMethods } from "@/lib/api/route-methods";
import { runConsoleQuery } from "@/lib/sql-console/run-console-query";
import { consoleQuerySchema } from "@/lib/sql-console/query-input";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The SQL console for API clients: one read-only SELECT over readable datasets, a page of its result. */
const run = apiRoute(async ({ actor, request }) => runConsoleQuery(actor, await readJson(request, consoleQuerySchema)));

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ POST: run });
