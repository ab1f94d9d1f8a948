import { Text } from "@react-email/components";
import { EmailButton, EmailLayout, PasteLink } from "@/lib/email/templates/layout";
import { formatDateTime } from "@/lib/util/format";

/** To the requester: their request was approved (with the role and end date) or denied (with the reason). */
export function RequestDecisionEmail({
  decider,
  what,
  approved,
  role,
  expiresAt,
  reason,
  url,
}: {
  decider: string;
  what: string;
  approved: boolean;
  role?: string | null;
  expiresAt?: Date | null;
  reason?: string | null;
  url: string;
}) {
  const heading = approved
    ? `${decider} approved your request for ${what}`
    : `${decider} declined your request for ${what}`;
  return (
    <EmailLayout preview={heading} heading={heading}>
      {approved ? (
        <Text>
          You can now{" "}
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
      ) : reason ? (
        <Text style={{ borderLeft: "3px solid #c7d2fe", paddingLeft: 12, color: "#374151" }}>“{reason}”</Text>
      ) : (
        <Text>No reason was given.</Text>
      )}
      <EmailButton url={url} label={approved ? "Open" : "See your request"} />
      <PasteLink url={url} />
    </EmailLayout>
  );
}
