"use server";
import { z } from "zod";
import { resendShareEmail } from "@/lib/sharing/change-share";
import { defineAction } from "../define-action";

const input = z.object({ shareId: z.string().min(1) });

export const resendInvitationAction = defineAction(input, ({ shareId }, user) => resendShareEmail(user, shareId));
