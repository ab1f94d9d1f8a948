"use server";
import { z } from "zod";
import { changeShareRole } from "@/lib/sharing/change-share";
import { shareRoleSchema } from "@/lib/sharing/schemas";
import { defineAction } from "../define-action";

const input = z.object({ shareId: z.string().min(1), role: shareRoleSchema });

export const changeShareRoleAction = defineAction(input, ({ shareId, role }, user) =>
  changeShareRole(user, shareId, role),
);
