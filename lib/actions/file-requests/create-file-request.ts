"use server";
import { createFileRequest } from "@/lib/file-requests/create-file-request";
import { createFileRequestInput } from "@/lib/file-requests/schemas";
import { defineAction } from "../define-action";

export const createFileRequestAction = defineAction(createFileRequestInput, async (input, user) => {
  const { id, url, expiresAt } = await createFileRequest(user, input);
  return { id, url, expiresAt: expiresAt.toISOString() };
});
