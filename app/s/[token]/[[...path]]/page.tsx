import { notFound, redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { FileRequestPage } from "@/components/file-requests/request-page";
import { LinkPasswordForm } from "@/components/links/password-form";
import { LinkContent } from "@/components/links/link-content";
import { LinkShell } from "@/components/links/link-shell";
import { fileRequestView } from "@/lib/file-requests/request-view";
import { allowPageCache } from "@/lib/page-cache/render-context";
import { openLinkForRequest } from "../open-link";

export const dynamic = "force-dynamic";
export const metadata = { title: "Shared with a link", referrer: "no-referrer" };

type Props = {
  params: Promise<{ token: string; path?: string[] }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/**
 * An access link: a read-only view of exactly the linked resource, or a file request's upload
 * page (an upload-only link shows nothing of its folder). Unknown, expired, revoked
 * and not-yet-valid links are the same 404 page (openAccessLink makes them cost the same).
 */
export default async function AccessLinkPage({ params, searchParams }: Props) {
  const { token, path = [] } = await params;
  const query = await searchParams;
  const segments = path.map((s) => decodeURIComponent(s));
  const opened = await openLinkForRequest(token);
  // The link's rows and what it shows (scripts/page-cache.mjs); openAccessLink notes when its records are due again.
  allowPageCache();
  switch (opened.status) {
    case "unavailable":
      notFound();
    case "sign-in":
      redirect(`/signin?callbackUrl=${encodeURIComponent(`/s/${token}/${path.join("/")}`)}`);
    case "throttled":
      // A page cannot answer 429 itself; this route handler does (and the URL drops the token).
      redirect("/s/throttled");
    case "password":
      return (
        <AuthCard title="This link is protected by a password">
          <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">
            Enter the password you were given with the link.
          </p>
          <LinkPasswordForm token={token} />
        </AuthCard>
      );
  }
  // A file request's visitors get its upload page at any path below the link, never the folder.
  if (opened.link.scope.purpose === "upload")
    return <FileRequestPage view={await fileRequestView(opened.link)} token={token} />;
  return (
    <LinkShell
      link={opened.link}
      consoleHref={/^(dataset|workspace)$/.test(opened.link.scope.resourceType) ? `/s/${token}/sql-console` : undefined}
    >
      <LinkContent link={opened.link} token={token} path={segments} searchParams={query} />
    </LinkShell>
  );
}
