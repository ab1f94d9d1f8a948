import { Command, InvalidArgumentError } from "commander";
import { backup } from "@/lib/db/backup/backup";
import { restore } from "@/lib/db/backup/restore";
import { applyMigrations } from "@/lib/db/migrations/engine";
import { databaseUrl, getDb } from "@/lib/db";
import { listMailbox } from "@/lib/email/mailbox";
import { deliverDueEmails } from "@/lib/email/sender";
import { JOBS } from "@/lib/jobs/registry";
import { runJobOnce } from "@/lib/jobs/run-job";
import { seedDemo } from "@/lib/seed/demo";
import { createApiToken } from "@/lib/tokens/api-tokens";
import { createUser } from "@/lib/users/create-user";
import { AppError } from "@/lib/util/errors";
import { toFailure } from "@/lib/util/result";
import { addMemberFor } from "@/lib/workspaces/add-member-for";
import { createWorkspaceFor } from "@/lib/workspaces/create-workspace-for";
import { notFound } from "@/lib/util/errors";

const program = new Command("datashelf").description("Datashelf administration (works while the server runs)");

const positiveInt = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("must be a whole number of days ≥ 1");
  return n;
};

const user = program.command("user").description("users");
user
  .command("create")
  .requiredOption("--email <email>")
  .requiredOption("--username <username>")
  .option("--name <name>")
  .action(async (o: { email: string; username: string; name?: string }) => {
    const created = await createUser(o);
    console.log(`Created user ${created.username} <${created.email}> with workspace ${created.username}/personal`);
  });

const workspace = program.command("workspace").description("workspaces");
workspace
  .command("add-member")
  .requiredOption("--workspace <owner/slug>")
  .requiredOption("--username <username>")
  .option("--role <role>", "member or admin", "member")
  .action(async (o: { workspace: string; username: string; role: string }) => {
    const added = await addMemberFor(o.workspace, o.username, o.role);
    console.log(`${added.username} is now ${added.role === "admin" ? "an admin" : "a member"} of ${added.workspace}`);
  });
workspace
  .command("create")
  .requiredOption("--owner <username>")
  .requiredOption("--slug <slug>")
  .option("--name <name>")
  .action(async (o: { owner: string; slug: string; name?: string }) => {
    const w = await createWorkspaceFor(o.owner, { slug: o.slug, name: o.name ?? o.slug });
    console.log(`Created workspace ${o.owner.toLowerCase()}/${w.slug}`);
  });

program
  .command("token")
  .description("API tokens")
  .command("create")
  .requiredOption("--username <username>")
  .option("--name <name>", "token name", "cli")
  .option("--expires-days <days>", "expiry in days", positiveInt)
  .action(async (o: { username: string; name: string; expiresDays?: number }) => {
    const owner = await getDb().user.findUnique({ where: { username: o.username.trim().toLowerCase() } });
    if (!owner) throw notFound(`No user with username "${o.username}".`);
    const { token } = await createApiToken(owner.id, { name: o.name, expiresDays: o.expiresDays });
    console.log(token);
  });

program
  .command("mail")
  .description("the local mailbox")
  .command("list")
  .option("--to <email>")
  .option("--json", "print JSON")
  .action(async (o: { to?: string; json?: boolean }) => {
    const messages = await listMailbox({ to: o.to });
    if (o.json) {
      console.log(
        JSON.stringify(
          messages.map((m) => ({ ...m, html: undefined })),
          null,
          2,
        ),
      );
      return;
    }
    if (messages.length === 0) console.log("No messages.");
    for (const m of messages) {
      console.log(`${m.createdAt.toISOString()}  ${m.status.padEnd(7)}  ${m.to}  ${m.subject}`);
      for (const link of m.links) console.log(`    ${link}`);
    }
  });

const db = program.command("db").description("database");
db.command("migrate")
  .description("apply pending migrations")
  .action(async () => {
    const { applied } = await applyMigrations(databaseUrl());
    console.log(
      applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "Database is up to date.",
    );
  });
db.command("seed")
  .description("seed the demo (alice, bob and their workspaces)")
  .option("--if-empty", "only when there are no users (default behaviour)")
  .action(async () => {
    const { seeded } = await seedDemo();
    console.log(
      seeded
        ? "Seeded the demo: alice@example.com and bob@example.com (sign in through /mailbox)."
        : "The database already has users; demo not seeded.",
    );
  });

program
  .command("backup")
  .description("consistent snapshot of the database and local blobs, while the server runs")
  .argument("<dir>", "new or empty folder")
  .action(async (dir: string) => {
    const m = await backup(dir);
    console.log(`Backed up the ${m.provider} database and ${m.blobs} blob(s) to ${dir}`);
  });
program
  .command("restore")
  .description("put a backup back into DATA_DIR and DATABASE_URL (stop the server first)")
  .argument("<dir>", "a folder written by backup")
  .option("--force", "replace a target that already has data")
  .action(async (dir: string, o: { force?: boolean }) => {
    const m = await restore(dir, { force: o.force });
    console.log(`Restored the backup of ${m.startedAt} (${m.blobs} blob(s)) from ${dir}`);
  });

async function workspaceIdOf(ref: string): Promise<string> {
  const [owner, slug] = ref.trim().toLowerCase().split("/");
  const found = await getDb().workspace.findFirst({
    where: { slug, owner: { username: owner } },
    select: { id: true },
  });
  if (!found) throw notFound(`No workspace "${ref}" (write it as owner/slug).`);
  return found.id;
}

const jobs = program.command("job").description("periodic jobs (the server runs them every JOBS_POLL_MS)");
jobs
  .command("list")
  .description("the jobs")
  .action(() => {
    for (const j of JOBS) console.log(`${j.name}\t${j.description}`);
  });
jobs
  .command("run")
  .description("runs a job once now (unless it is running elsewhere) and delivers the mail it queued")
  .argument("<name>", JOBS.map((j) => j.name).join(" | "))
  .option("--workspace <owner/slug>", "only this workspace's grants and links")
  .action(async (name: string, o: { workspace?: string }) => {
    const run = await runJobOnce(name, o.workspace ? { workspaceId: await workspaceIdOf(o.workspace) } : {});
    if (!run.ran) return console.log(`${run.job} is already running on another instance; nothing done`);
    await deliverDueEmails();
    const counts = Object.entries(run.summary).map(([k, n]) => `${k} ${n}`);
    console.log(`${run.job}: ${counts.join(", ") || "done"}`);
  });

program.parseAsync().then(
  () => getDb().$disconnect(),
  async (error: unknown) => {
    const failure = toFailure(error);
    const fields = failure.fieldErrors
      ? Object.entries(failure.fieldErrors)
          .filter(([, m]) => m !== failure.message)
          .map(([f, m]) => ` (${f}: ${m})`)
          .join("")
      : "";
    console.error(`error: ${failure.message}${fields}`);
    if (!(error instanceof AppError) && failure.code === "internal") console.error(error);
    await getDb()
      .$disconnect()
      .catch(() => {});
    process.exit(failure.code === "internal" ? 1 : 2);
  },
);
