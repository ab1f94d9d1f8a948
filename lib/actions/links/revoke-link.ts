"use server";
import { z } from "zod";
import { revokeAccessLink } from "@/lib/links/manage-links";
import { defineAction } from "../define-action";

const input = z.object({ linkId: z.string().min(1) });

export const revokeLinkAction = defineAction(input, ({ linkId }, user) => revokeAccessLink(user, linkId));
