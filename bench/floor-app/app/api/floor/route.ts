// A route handler answering 50 small JSON rows without reading anything: what Next's route pipeline
// costs for an API read before any of our work (token, access check, query).
export const dynamic = "force-dynamic";

const ROWS = Array.from({ length: 50 }, (_, i) => ({ id: i, site: "north", temperature: 20 + i / 10 }));

export function GET() {
  return Response.json({ rows: ROWS, at: Date.now() });
}
