// `npm run db:migration -- <name>`: after editing prisma/schema.prisma, writes the next migration for both
// SQLite (prisma/migrations) and PostgreSQL (prisma/postgresql/migrations). The PostgreSQL diff replays the
// existing migrations on a scratch database: on SHADOW_DATABASE_URL or TEST_DATABASE_URL if set, otherwise
// on a throwaway local cluster started for the occasion.
import path from "node:path";
import { createMigration } from "../../lib/db/migrations/engine";

const name = process.argv.slice(2).join(" ").trim();
if (!name) {
  console.error("Usage: npm run db:migration -- <name>   (e.g. add_workspace_topics)");
  process.exit(2);
}

try {
  const { created } = await createMigration(name);
  if (created.length === 0) {
    console.log("No changes: the migrations already match prisma/schema.prisma. Nothing created.");
  } else {
    for (const { provider, dir } of created) {
      console.log(`${provider.padEnd(10)} ${path.relative(process.cwd(), dir)}/migration.sql`);
    }
    console.log("Review the SQL, then apply it with `npm run db:migrate`.");
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
