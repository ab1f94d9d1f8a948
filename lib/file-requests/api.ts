import { z } from "zod";
import { createFileRequestInput } from "./schemas";

/** GET /api/v1/file-requests: the folder whose requests to list. */
export const fileRequestsQuery = z.object({ folderId: z.string().min(1, "Name the folder (folderId).") });

/** POST /api/v1/file-requests: the request to create (what the file browser's dialog sends). */
export const createFileRequestBody = createFileRequestInput;
