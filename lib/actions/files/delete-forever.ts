"use server";
import { deleteForever, deleteForeverInput } from "@/lib/files/delete-forever";
import { defineAction } from "../define-action";

export const deleteForeverAction = defineAction(deleteForeverInput, (input, user) => deleteForever(user, input));
