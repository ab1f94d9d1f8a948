import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import type { InsightSubject } from "@/lib/insights/paths";

/**
 * A link to a resource's or access link's insights page, from any page inside its workspace
 * (`from` is that page's path, /w/{owner}/{workspace}/…); nothing elsewhere (link pages).
 */
export function InsightsLink({
  from,
  subject,
  id,
  variant = "secondary",
}: {
  from: string;
  subject: InsightSubject;
  id: string;
  variant?: "secondary" | "ghost";
}) {
  const workspace = /^\/w\/[^/]+\/[^/]+/.exec(from)?.[0];
  if (!workspace) return null;
  return (
    <Link href={`${workspace}/insights/${subject}/${encodeURIComponent(id)}`} className={buttonClass(variant)}>
      Insights
    </Link>
  );
}
