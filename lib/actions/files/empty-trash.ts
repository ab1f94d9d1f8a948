"use server";
import { emptyTrash, emptyTrashInput } from "@/lib/files/delete-forever";
import { defineAction } from "../define-action";

export const emptyTrashAction = defineAction(emptyTrashInput, (input, user) => emptyTrash(user, input));
