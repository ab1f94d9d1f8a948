import { Button, Link, Text } from "@react-email/components";
import { EmailLayout, buttonStyle } from "./layout";

export function SignInEmail({ url, host, minutes }: { url: string; host: string; minutes: number }) {
  return (
    <EmailLayout preview="Your sign-in link for Datashelf" heading="Sign in to Datashelf">
      <Text>
        Click the button to sign in to {host}. The link works once and expires in {minutes} minutes.
      </Text>
      <Button href={url} style={buttonStyle}>
        Sign in
      </Button>
      <Text style={{ fontSize: 12, color: "#6b7280" }}>
        Or paste this link into your browser: <Link href={url}>{url}</Link>
      </Text>
    </EmailLayout>
  );
}
