import { Button, Text } from "@react-email/components";
import { EmailLayout } from "@/lib/email/templates/layout";

/** To the sharer who asked for it: a grant or access link was opened for the first time. */
export function FirstOpenEmail({ who, what, via, url }: { who: string; what: string; via: string; url: string }) {
  const heading = `${who} opened ${what}`;
  return (
    <EmailLayout preview={heading} heading={heading}>
      <Text>
        {who} just opened {what} for the first time, {via}. You asked to hear about the first open only, so this is the
        one e-mail you get for it; every later view and download is in its insights.
      </Text>
      <Button href={url}>See who viewed and downloaded it</Button>
    </EmailLayout>
  );
}
