import type { Actor } from "@/lib/access";
import { withRequestActor } from "@/lib/api/route";

type Context = { params: Promise<{ id: string }> };

/**
 * A browser GET handler for /api/datasets/[id]/…: the grid and the download read the same
 * dataset id and `?query=`/`?version=` search parameters, so only what they answer differs.
 */
export function datasetGetRoute(handler: (actor: Actor, id: string, search: URLSearchParams) => Promise<Response>) {
  return async (request: Request, { params }: Context): Promise<Response> => {
    const { id } = await params;
    return withRequestActor(request, (actor) => handler(actor, id, new URL(request.url).searchParams));
  };
}
