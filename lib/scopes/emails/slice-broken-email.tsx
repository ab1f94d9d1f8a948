import { Link, Text } from "@react-email/components";
import { EmailLayout } from "@/lib/email/templates/layout";

export type SliceBrokenProps = {
  dataset: string;
  version: number;
  /** each broken grant or link: who or what it was for, and the columns it used that are gone */
  entries: { holder: string; missing: string[] }[];
  url: string;
};

export const sliceBrokenSubject = (p: SliceBrokenProps) =>
  `Version ${p.version} of ${p.dataset} stopped ${p.entries.length === 1 ? "a shared slice" : `${p.entries.length} shared slices`}`;

/** To a dataset's managers when a new version drops a column that shared slices use (they stop serving). */
export function SliceBrokenEmail(p: SliceBrokenProps) {
  return (
    <EmailLayout preview={sliceBrokenSubject(p)} heading={sliceBrokenSubject(p)}>
      <Text>
        Version {p.version} of {p.dataset} no longer has columns that these shared slices use. They now show nothing
        (their recipients get “not found”), so no one sees more than was shared:
      </Text>
      {p.entries.map((e, i) => (
        <Text key={i}>
          {e.holder}: missing {e.missing.map((m) => `“${m}”`).join(", ")}
        </Text>
      ))}
      <Text>
        To give access again, share a new slice from the dataset’s share dialog: <Link href={p.url}>{p.url}</Link>
      </Text>
    </EmailLayout>
  );
}
