import { Text } from "@react-email/components";
import { formatDateTime } from "@/lib/util/format";
import { EmailButton, EmailLayout, PasteLink } from "./layout";

export type ExpiryReminderProps = {
  /** grantee: the person whose access ends; sharer: who granted it; link: who made the access link */
  audience: "grantee" | "sharer" | "link";
  /** e.g. 'dataset "orders"' */
  what: string;
  /** the other party: the sharer (to a grantee), the grantee (to a sharer), the link's label (to its maker) */
  who: string;
  endsAt: Date;
  url: string;
};

export function expiryReminderSubject({ audience, what, who }: Pick<ExpiryReminderProps, "audience" | "what" | "who">) {
  if (audience === "grantee") return `Your access to ${what} ends soon`;
  if (audience === "sharer") return `${who}'s access to ${what} ends soon`;
  return `Your access link ${who} to ${what} ends soon`;
}

export function ExpiryReminderEmail(props: ExpiryReminderProps) {
  const { audience, what, who, endsAt, url } = props;
  const when = formatDateTime(endsAt);
  const subject = expiryReminderSubject(props);
  return (
    <EmailLayout preview={subject} heading={subject}>
      {audience === "grantee" ? (
        <>
          <Text>
            {who} shared {what} with you until {when}. After that you can no longer open it.
          </Text>
          <Text>If you still need it, open it and ask {who} for more time (request access or reply to them).</Text>
        </>
      ) : audience === "sharer" ? (
        <>
          <Text>
            You shared {what} with {who} until {when}. After that they can no longer open it.
          </Text>
          <Text>To give them more time, open it, choose Share and change the end date of their access.</Text>
        </>
      ) : (
        <>
          <Text>
            The access link {who} you made to {what} stops working on {when}.
          </Text>
          <Text>To keep it working, open it, choose Share and extend the link.</Text>
        </>
      )}
      <EmailButton url={url} label={audience === "grantee" ? `Open ${what}` : "Open and extend"} />
      <PasteLink url={url} />
    </EmailLayout>
  );
}
