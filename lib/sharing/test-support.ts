import type { Actor } from "@/lib/access";
import { createUser } from "@/lib/users/create-user";

let n = 0;

/** A new user with a unique username and e-mail (`name` + a counter), as an actor. */
export async function person(name: string): Promise<Actor & { id: string }> {
  const username = `${name}${++n}`;
  const u = await createUser({ email: `${username}@example.com`, username });
  return { id: u.id, email: u.email, username: u.username };
}
