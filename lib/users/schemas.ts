import { z } from "zod";

export const emailSchema = z
  .string({ error: "Enter an e-mail address" })
  .trim()
  .toLowerCase()
  .max(254, "That e-mail address is too long")
  .pipe(z.email({ error: "Enter a valid e-mail address, like name@example.com" }));

const RESERVED_USERNAMES = new Set([
  "admin",
  "api",
  "app",
  "auth",
  "mailbox",
  "new",
  "root",
  "s",
  "settings",
  "shared",
  "signin",
  "signout",
  "system",
  "w",
]);

export const usernameSchema = z
  .string({ error: "Choose a username" })
  .trim()
  .toLowerCase()
  .min(3, "A username needs at least 3 characters")
  .max(32, "A username can have at most 32 characters")
  .regex(
    /^[a-z0-9](?:[a-z0-9_-]*[a-z0-9])?$/,
    "Use lowercase letters, digits, - and _ (starting and ending with a letter or digit)",
  )
  .refine((name) => !RESERVED_USERNAMES.has(name), "That username is reserved");

export const displayNameSchema = z.string().trim().max(80, "A name can have at most 80 characters");
