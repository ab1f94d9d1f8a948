"use server";
import { createFolder, createFolderInput } from "@/lib/files/create-folder";
import { defineAction } from "../define-action";

export const createFolderAction = defineAction(createFolderInput, (input, user) => createFolder(user, input));
