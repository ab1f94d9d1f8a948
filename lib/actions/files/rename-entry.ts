"use server";
import { renameEntry, renameEntryInput } from "@/lib/files/rename-entry";
import { defineAction } from "../define-action";

export const renameEntryAction = defineAction(renameEntryInput, (input, user) => renameEntry(user, input));
