import { PageHeader } from "@/components/ui/empty-state";
import { SqlConsole } from "@/components/sql-console/sql-console";
import { requireUser } from "@/lib/auth/session";
import { listSavedQueries } from "@/lib/sql-console/saved-queries";

export const metadata = { title: "SQL console" };

export default async function SqlConsolePage({ searchParams }: { searchParams: Promise<{ sql?: string | string[] }> }) {
  const user = await requireUser("/sql");
  const { sql } = await searchParams;
  const saved = await listSavedQueries(user);
  return (
    <>
      <PageHeader
        title="SQL console"
        description='Read-only SQL over every dataset you can read, named as quoted paths: SELECT * FROM "owner/namespace/dataset".'
      />
      <SqlConsole
        initialSql={typeof sql === "string" ? sql.slice(0, 20_000) : ""}
        saved={saved.map(({ id, name, sql: text, updatedAt }) => ({ id, name, sql: text, updatedAt }))}
        examples={[]}
      />
    </>
  );
}
