"use server";
import { findUploadClashes, findUploadClashesInput } from "@/lib/files/find-upload-clashes";
import { defineAction } from "../define-action";

export const findUploadClashesAction = defineAction(findUploadClashesInput, (input, user) =>
  findUploadClashes(user, input),
);
