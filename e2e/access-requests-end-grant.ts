// Ends (expires) the grants of one user on one dataset in the running e2e server's database, as time
// passing would: e2e/access-requests.spec.ts then asks for access again from Shared with me.
import { getDb } from "@/lib/db";

const [datasetId, username] = process.argv.slice(2) as [string, string];
const user = await getDb().user.findUniqueOrThrow({ where: { username }, select: { id: true } });
const { count } = await getDb().share.updateMany({
  where: { resourceType: "dataset", resourceId: datasetId, granteeUserId: user.id },
  data: { expiresAt: new Date(Date.now() - 60_000) },
});
console.log(JSON.stringify({ ended: count }));
await getDb().$disconnect();
process.exit(0);
