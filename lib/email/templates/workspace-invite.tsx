import { Text } from "@react-email/components";
import { EmailButton, EmailLayout, PasteLink } from "./layout";

export function WorkspaceInviteEmail(props: { url: string; inviter: string; workspace: string; role: string }) {
  const { url, inviter, workspace, role } = props;
  return (
    <EmailLayout preview={`${inviter} invited you to ${workspace}`} heading={`Join ${workspace} on Datashelf`}>
      <Text>
        {inviter} invited you to the workspace <strong>{workspace}</strong> as{" "}
        {role === "admin" ? "an admin" : "a member"}.
      </Text>
      <EmailButton url={url} label="Accept invitation" />
      <PasteLink url={url} />
    </EmailLayout>
  );
}
