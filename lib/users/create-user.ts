import { z } from "zod";
import { getDb } from "@/lib/db";
import { conflict } from "@/lib/util/errors";
import { isUniqueViolation } from "@/lib/util/prisma-errors";
import { createPersonalWorkspace } from "./personal-workspace";
import { displayNameSchema, emailSchema, usernameSchema } from "./schemas";

export const createUserInput = z.object({
  email: emailSchema,
  username: usernameSchema,
  name: displayNameSchema.optional(),
});

/**
 * Creates a complete account (CLI, seed): user and personal workspace in one transaction, so a clash leaves nothing behind. The e-mail counts as verified only once its
 * owner signs in through a magic link, which is also when
 * invitations to that address are bound (lib/auth).
 */
export async function createUser(input: z.input<typeof createUserInput>) {
  const { email, username, name } = createUserInput.parse(input);
  try {
    return await getDb().$transaction(async (tx) => {
      if (await tx.user.findUnique({ where: { email }, select: { id: true } })) {
        throw conflict(`A user with e-mail ${email} already exists.`, { email: "That e-mail already has an account." });
      }
      if (await tx.user.findUnique({ where: { username }, select: { id: true } })) {
        throw conflict(`The username "${username}" is taken.`, { username: "That username is taken." });
      }
      const user = await tx.user.create({ data: { email, username, name: name || null } });
      await createPersonalWorkspace(tx, { id: user.id, name: user.name, username });
      return user;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict("That e-mail or username is already taken.");
    throw error;
  }
}
