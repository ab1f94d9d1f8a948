import { Text } from "@react-email/components";
import { EmailButton, EmailLayout, PasteLink } from "@/lib/email/templates/layout";

/** To a resource's managers: someone asks for access. The button opens the request in the app, never decides it. */
export function AccessRequestEmail({
  requester,
  what,
  message,
  answers,
  acceptedTerms,
  url,
}: {
  requester: string;
  what: string;
  message: string;
  answers: { question: string; answer: string }[];
  acceptedTerms: boolean;
  url: string;
}) {
  const heading = `${requester} asks for access to ${what}`;
  return (
    <EmailLayout preview={heading} heading={heading}>
      {message ? (
        <Text style={{ borderLeft: "3px solid #c7d2fe", paddingLeft: 12, color: "#374151" }}>“{message}”</Text>
      ) : null}
      {answers.map((a, i) => (
        <Text key={i}>
          <strong>{a.question}</strong>
          <br />
          {a.answer}
        </Text>
      ))}
      {acceptedTerms ? <Text>They accepted the terms you set.</Text> : null}
      <EmailButton url={url} label="Review the request" />
      <Text style={{ fontSize: 12, color: "#6b7280" }}>
        The request opens in Datashelf, where you approve it with a role and an optional end date, or deny it with a
        reason.
      </Text>
      <PasteLink url={url} />
    </EmailLayout>
  );
}
