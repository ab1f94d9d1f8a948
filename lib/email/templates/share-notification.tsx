import { Text } from "@react-email/components";
import { formatDateTime } from "@/lib/util/format";
import { EmailButton, EmailLayout, PasteLink } from "./layout";

export type ShareNotificationProps = {
  sharer: string;
  what: string;
  role: string;
  note?: string | null;
  url: string;
  intro?: string | null;
  invitation: boolean;
  expiresAt?: Date | null;
};

export function ShareNotificationEmail({
  sharer,
  what,
  role,
  note,
  url,
  intro,
  invitation,
  expiresAt,
}: ShareNotificationProps) {
  return (
    <EmailLayout preview={`${sharer} shared ${what} with you`} heading={`${sharer} shared ${what} with you`}>
      {intro ? <Text>{intro}</Text> : null}
      <Text>
        You can{" "}
        {role === "aggregate"
          ? "summarise (never see the rows of)"
          : role === "editor"
            ? "view and edit"
            : role === "viewonly"
              ? "view (not download)"
              : "view and download"}{" "}
        it
        {expiresAt ? ` until ${formatDateTime(expiresAt)}` : ""}.
      </Text>
      {note ? (
        <Text style={{ borderLeft: "3px solid #c7d2fe", paddingLeft: 12, color: "#374151" }}>“{note}”</Text>
      ) : null}
      <EmailButton url={url} label={invitation ? "Accept and open" : "Open"} />
      {invitation ? (
        <Text style={{ fontSize: 12, color: "#6b7280" }}>
          This link signs you in as this address. It works once and expires in 7 days.
        </Text>
      ) : null}
      <PasteLink url={url} />
    </EmailLayout>
  );
}
