import { z } from "zod";
import { minGroupSizeSchema, shareRoleSchema } from "@/lib/sharing/schemas";

export const MAX_QUESTIONS = 5;
export const MAX_QUESTION_LENGTH = 300;
export const MAX_TERMS_LENGTH = 5000;
export const MAX_MESSAGE_LENGTH = 2000;
export const MAX_ANSWER_LENGTH = 1000;
export const MAX_REASON_LENGTH = 1000;

/** The questions and terms a dataset's managers set for people requesting access. */
export const requestFormInput = z.object({
  questions: z
    .array(
      z
        .string()
        .trim()
        .min(1, "A question cannot be empty.")
        .max(MAX_QUESTION_LENGTH, `A question can have at most ${MAX_QUESTION_LENGTH} characters.`),
    )
    .max(MAX_QUESTIONS, `Ask at most ${MAX_QUESTIONS} questions.`),
  terms: z.string().trim().max(MAX_TERMS_LENGTH, `Terms can have at most ${MAX_TERMS_LENGTH} characters.`),
});
export type RequestForm = z.output<typeof requestFormInput>;

/** Where a request starts: a Listed dataset's card, an ended grant of the requester's, or a link they held. */
export const requestTargetInput = z.discriminatedUnion("source", [
  z.object({ source: z.literal("discover"), datasetId: z.string().min(1) }),
  z.object({ source: z.literal("grant"), shareId: z.string().min(1) }),
  z.object({ source: z.literal("link"), token: z.string().min(1).max(200) }),
]);
export type RequestTarget = z.output<typeof requestTargetInput>;

export const createRequestInput = z.object({
  message: z
    .string()
    .trim()
    .max(MAX_MESSAGE_LENGTH, `A message can have at most ${MAX_MESSAGE_LENGTH} characters.`)
    .default(""),
  /** one answer per question, in the order asked */
  answers: z
    .array(z.string().trim().max(MAX_ANSWER_LENGTH, `An answer can have at most ${MAX_ANSWER_LENGTH} characters.`))
    .max(MAX_QUESTIONS)
    .default([]),
  acceptTerms: z.boolean().default(false),
});
export type CreateRequestInput = z.input<typeof createRequestInput>;

export const approveRequestInput = z.object({
  role: shareRoleSchema,
  /** "Totals only": the smallest group a summary may show (default 10); ignored for other roles */
  minGroupSize: minGroupSizeSchema.optional(),
  expiresAt: z.coerce
    .date({ error: "Enter a valid end date." })
    .refine((d) => d.getTime() > Date.now(), "The end date must be in the future.")
    .optional(),
});
export type ApproveRequestInput = z.input<typeof approveRequestInput>;

export const denyRequestInput = z.object({
  reason: z
    .string()
    .trim()
    .max(MAX_REASON_LENGTH, `A reason can have at most ${MAX_REASON_LENGTH} characters.`)
    .default(""),
});

export const REQUEST_STATUSES = ["pending", "approved", "denied"] as const;
export const requestStatusSchema = z.enum(REQUEST_STATUSES, { error: 'Status is "pending", "approved" or "denied".' });
export type RequestStatus = z.infer<typeof requestStatusSchema>;
