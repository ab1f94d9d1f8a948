import { z } from "zod";
import { resourceTypeSchema } from "./schemas";

// The query strings of the share dialog's GET routes (app/api/sharing/*).

export const resourceQuery = z.object({ type: resourceTypeSchema, id: z.string().min(1, "Name the resource.") });

export const previewAsQuery = resourceQuery.extend({ shareId: z.string().min(1, "Name the grant.") });

export const collaboratorsQuery = z.object({ q: z.string().max(200, "Type at most 200 characters.").default("") });
