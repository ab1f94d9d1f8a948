"use server";
import { z } from "zod";
import { decideReview } from "@/lib/access-review/decide";
import { REVIEW_DECISIONS, REVIEW_KINDS } from "@/lib/access-review/choices";
import { defineFormAction } from "../define-action";

const input = z.object({
  kind: z.enum(REVIEW_KINDS),
  id: z.string().min(1).max(100),
  decision: z.enum(REVIEW_DECISIONS),
});

export const decideAccessReviewAction = defineFormAction(input, ({ kind, id, decision }, user) =>
  decideReview(user, kind, id, decision),
);
