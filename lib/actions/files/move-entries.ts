"use server";
import { moveEntries, moveEntriesInput } from "@/lib/files/move-entries";
import { defineAction } from "../define-action";

export const moveEntriesAction = defineAction(moveEntriesInput, (input, user) => moveEntries(user, input));
