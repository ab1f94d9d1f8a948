import { handleRoute, readQuery } from "@/lib/api/route";
import { exportActivityCsv } from "@/lib/audit/activity-csv";
import { activityExportQuery } from "@/lib/audit/activity-filter";
import { contentDisposition } from "@/lib/files/disposition";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** A workspace's activity as CSV: GET /api/activity/export?workspace=…[&person&kind&resource] (managers only). */
export function GET(request: Request) {
  return handleRoute(request, "token-or-session", async ({ actor }) => {
    const { workspace, ...filter } = readQuery(request, activityExportQuery);
    const { stream, filename } = await exportActivityCsv(actor, workspace, filter);
    return new Response(stream, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": contentDisposition(filename),
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  });
}
