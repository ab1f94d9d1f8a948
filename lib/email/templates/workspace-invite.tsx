import { Button, Link, Text } from "@react-email/components";
import { EmailLayout, buttonStyle } from "./layout";

export function WorkspaceInviteEmail(props: { url: string; inviter: string; workspace: string; role: string }) {
  const { url, inviter, workspace, role } = props;
  return (
    <EmailLayout preview={`${inviter} invited you to ${workspace}`} heading={`Join ${workspace} on Datashelf`}>
      <Text>
        {inviter} invited you to the workspace <strong>{workspace}</strong> as{" "}
        {role === "admin" ? "an admin" : "a member"}.
      </Text>
      <Button href={url} style={buttonStyle}>
        Accept invitation
      </Button>
      <Text style={{ fontSize: 12, color: "#6b7280" }}>
        Or paste this link into your browser: <Link href={url}>{url}</Link>
      </Text>
    </EmailLayout>
  );
}
