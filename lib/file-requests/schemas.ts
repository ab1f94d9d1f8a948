import { z } from "zod";
import { LINK_DEFAULT_DAYS, LINK_MAX_DAYS } from "@/lib/links/schemas";

/** The most files one request may take in total. */
export const FILE_REQUEST_MAX_FILES = 10_000;

/** Who may upload: anyone with the link, or signed-in users with the link. */
export const FILE_REQUEST_AUDIENCES = ["anyone", "signed-in"] as const;
export type FileRequestAudience = (typeof FILE_REQUEST_AUDIENCES)[number];

export const createFileRequestInput = z
  .object({
    folderId: z.string().min(1, "Choose the folder that receives the files."),
    title: z
      .string()
      .trim()
      .min(1, "Give the request a title; uploaders see it.")
      .max(120, "A title can have at most 120 characters."),
    message: z.string().trim().max(2000, "A message can have at most 2000 characters.").default(""),
    expiresAt: z.coerce.date({ error: "Enter a valid end date." }).optional(),
    password: z
      .string()
      .min(8, "A link password needs at least 8 characters.")
      .max(200)
      .optional()
      .or(z.literal("").transform(() => undefined)),
    audience: z.enum(FILE_REQUEST_AUDIENCES, { error: 'Audience must be "anyone" or "signed-in".' }).default("anyone"),
    maxFileBytes: z.coerce
      .number({ error: "Enter the largest file size in bytes." })
      .int("The largest file size must be a whole number of bytes.")
      .positive("The largest file size must be more than 0 bytes."),
    maxFiles: z.coerce
      .number({ error: "Enter how many files the request takes." })
      .int("The number of files must be a whole number.")
      .min(1, "The request must take at least 1 file.")
      .max(FILE_REQUEST_MAX_FILES, `A request can take at most ${FILE_REQUEST_MAX_FILES} files.`),
    /** true: files land in a new subfolder named after the title, not in the folder itself */
    subfolder: z.boolean({ error: "subfolder must be true or false." }).default(false),
  })
  .transform((v) => ({ ...v, expiresAt: v.expiresAt ?? new Date(Date.now() + LINK_DEFAULT_DAYS * 86_400_000) }))
  .superRefine((v, ctx) => {
    if (v.expiresAt.getTime() <= Date.now())
      ctx.addIssue({ code: "custom", path: ["expiresAt"], message: "The end date must be in the future." });
    if (v.expiresAt.getTime() > Date.now() + LINK_MAX_DAYS * 86_400_000 + 60_000)
      ctx.addIssue({
        code: "custom",
        path: ["expiresAt"],
        message: `A file request can last at most ${LINK_MAX_DAYS} days.`,
      });
  });
export type CreateFileRequestInput = z.input<typeof createFileRequestInput>;

/** The name a visitor gives with their upload (signed-in visitors are named by their account). */
export const uploaderNameSchema = z
  .string()
  .trim()
  .min(1, "Enter your name, so the requester knows who sent the files.")
  .max(100, "A name can have at most 100 characters.");
