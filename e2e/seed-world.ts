// Seeds one demo world (see e2e/world.ts) into the running e2e server's database: the same data
// as `db seed`, owned by two new users named on the command line. Run through runScript().
import { getDb } from "@/lib/db";
import { seedDemoFor, type DemoUser } from "@/lib/seed/demo";

const users = JSON.parse(process.argv[2]!) as [DemoUser, DemoUser];
// A worker restarted after a failure runs the spec file's beforeAll again: the world is already there.
if (!(await getDb().user.findUnique({ where: { username: users[0].username }, select: { id: true } }))) {
  await seedDemoFor(users);
}
await getDb().$disconnect();
process.exit(0);
