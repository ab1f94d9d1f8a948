import { Text } from "@react-email/components";
import { EmailButton, EmailLayout, PasteLink } from "./layout";

export function SignInEmail({ url, host, minutes }: { url: string; host: string; minutes: number }) {
  return (
    <EmailLayout preview="Your sign-in link for Datashelf" heading="Sign in to Datashelf">
      <Text>
        Click the button to sign in to {host}. The link works once and expires in {minutes} minutes.
      </Text>
      <EmailButton url={url} label="Sign in" />
      <PasteLink url={url} />
    </EmailLayout>
  );
}
