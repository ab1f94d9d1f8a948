import { notFound, redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { LinkPasswordForm } from "@/components/links/password-form";
import { LinkShell } from "@/components/links/link-shell";
import { SqlConsole } from "@/components/sql-console/sql-console";
import { linkConsoleDatasets } from "@/lib/sql-console/link-datasets";
import { openLinkForRequest } from "../open-link";

export const dynamic = "force-dynamic";
export const metadata = { title: "SQL console · shared with a link", referrer: "no-referrer" };

/**
 * The SQL console through an access link: scoped to the datasets the link covers. The link is
 * opened here for the page and again by every run (/api/sql/query?link=), so expiry, revocation
 * and the password hold on each query.
 */
export default async function LinkSqlConsolePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const opened = await openLinkForRequest(token);
  switch (opened.status) {
    case "unavailable":
      notFound();
    case "sign-in":
      redirect(`/signin?callbackUrl=${encodeURIComponent(`/s/${token}/sql-console`)}`);
    case "throttled":
      redirect("/s/throttled");
    case "password":
      return (
        <AuthCard title="This link is protected by a password">
          <LinkPasswordForm token={token} />
        </AuthCard>
      );
  }
  if (opened.link.scope.purpose === "upload") notFound();
  const datasets = await linkConsoleDatasets(opened.link);
  return (
    <LinkShell link={opened.link}>
      <h2 className="mb-1 text-lg font-semibold">SQL console</h2>
      <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">
        Read-only SQL over what this link shares.{" "}
        {datasets.length > 0 ? (
          <>
            Datasets:{" "}
            {datasets.map((d, i) => (
              <span key={d}>
                {i > 0 && ", "}
                <code>&quot;{d}&quot;</code>
              </span>
            ))}
          </>
        ) : (
          "This link shares no dataset."
        )}
      </p>
      <SqlConsole
        initialSql={datasets[0] ? `SELECT * FROM "${datasets[0]}" LIMIT 100` : ""}
        linkToken={token}
        examples={datasets}
      />
    </LinkShell>
  );
}
