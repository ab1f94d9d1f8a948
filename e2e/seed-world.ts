// Seeds one demo world (see e2e/world.ts) into the running e2e server's database: the same data
// as `db seed`, owned by two new users named on the command line. Run through runScript().
import { getDb } from "@/lib/db";
import { seedDemoFor, type DemoUser } from "@/lib/seed/demo";
import { createApiToken } from "@/lib/tokens/api-tokens";

const users = JSON.parse(process.argv[2]!) as [DemoUser, DemoUser];
// A worker restarted after a failure runs the spec file's beforeAll again: the world is already there.
if (!(await getDb().user.findUnique({ where: { username: users[0].username }, select: { id: true } }))) {
  await seedDemoFor(users);
}
// A fresh API token for each, printed as JSON: one process instead of a CLI call per token.
const tokens: string[] = [];
for (const { username } of users) {
  const { id } = await getDb().user.findUniqueOrThrow({ where: { username }, select: { id: true } });
  tokens.push((await createApiToken(id, { name: "e2e" })).token);
}
console.log(JSON.stringify(tokens));
await getDb().$disconnect();
process.exit(0);
