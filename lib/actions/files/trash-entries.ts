"use server";
import { trashEntries, trashEntriesInput } from "@/lib/files/trash-entries";
import { defineAction } from "../define-action";

export const trashEntriesAction = defineAction(trashEntriesInput, (input, user) => trashEntries(user, input));
