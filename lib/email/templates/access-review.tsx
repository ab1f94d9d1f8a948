import { Link, Section, Text } from "@react-email/components";
import { formatDate } from "@/lib/util/format";
import { EmailLayout } from "./layout";

export type AccessReviewEntry = {
  /** e.g. 'Bob Berg (viewer) on dataset "orders"' */
  title: string;
  lastUsedAt: Date | null;
  keepUrl: string;
  downgradeUrl: string | null;
  revokeUrl: string;
};

export type AccessReviewProps = {
  workspace: string;
  unusedDays: number;
  entries: AccessReviewEntry[];
  /** entries left out of this e-mail (the list is capped) */
  more: number;
  sharingUrl: string;
};

export const accessReviewSubject = (workspace: string, count: number) =>
  `Access review for ${workspace}: ${count} unused ${count === 1 ? "grant or link" : "grants and links"}`;

export function AccessReviewEmail({ workspace, unusedDays, entries, more, sharingUrl }: AccessReviewProps) {
  const subject = accessReviewSubject(workspace, entries.length + more);
  return (
    <EmailLayout preview={subject} heading={subject}>
      <Text>
        Nobody used these grants and access links of {workspace} in the last {unusedDays} days. Keep what is still
        needed; downgrade or revoke the rest. Each choice opens a page where you confirm it.
      </Text>
      {entries.map((entry, i) => (
        <Section key={i} style={{ borderTop: "1px solid #e5e7eb", padding: "8px 0" }}>
          <Text style={{ margin: "0 0 4px" }}>
            {entry.title}
            <br />
            <span style={{ color: "#6b7280", fontSize: 12 }}>
              {entry.lastUsedAt ? `Last used ${formatDate(entry.lastUsedAt)}` : "Never used"}
            </span>
          </Text>
          <Text style={{ margin: 0 }}>
            <Link href={entry.keepUrl}>Keep</Link>
            {entry.downgradeUrl ? (
              <>
                {" · "}
                <Link href={entry.downgradeUrl}>Downgrade</Link>
              </>
            ) : null}
            {" · "}
            <Link href={entry.revokeUrl}>Revoke</Link>
          </Text>
        </Section>
      ))}
      {more > 0 ? (
        <Text>
          And {more} more: see <Link href={sharingUrl}>Shared by me</Link>.
        </Text>
      ) : null}
    </EmailLayout>
  );
}
