"use server";
import { restoreEntries, restoreEntriesInput } from "@/lib/files/restore-entries";
import { defineAction } from "../define-action";

export const restoreEntriesAction = defineAction(restoreEntriesInput, (input, user) => restoreEntries(user, input));
