"use server";
import { z } from "zod";
import { revokeFileRequest } from "@/lib/file-requests/revoke-file-request";
import { defineAction } from "../define-action";

const input = z.object({ id: z.string().min(1) });

export const revokeFileRequestAction = defineAction(input, ({ id }, user) => revokeFileRequest(user, id));
