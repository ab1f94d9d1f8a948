import { z } from "zod";

/** GET /datasets/{owner}/{namespace}/{datasetName}/profile */
export const profileQuerySchema = z.object({
  version: z.coerce.number().int().min(1).optional().describe("a dataset version (default: the current one)"),
});
