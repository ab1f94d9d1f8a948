import { Button, Text } from "@react-email/components";
import { EmailLayout } from "@/lib/email/templates/layout";

/** To the managers of a resource: a grantee gave one of their workspaces access to it. */
export function AddedToWorkspaceEmail({
  grantee,
  what,
  workspace,
  members,
  role,
  url,
}: {
  grantee: string;
  what: string;
  workspace: string;
  members: number;
  role: string;
  url: string;
}) {
  const heading = `${grantee} added ${what} to the workspace ${workspace}`;
  return (
    <EmailLayout preview={heading} heading={heading}>
      <Text>
        You allowed {grantee} to add it to one of their workspaces. The {members} {members === 1 ? "person" : "people"}{" "}
        of {workspace} can now reach it as{" "}
        {role === "editor" ? "editors" : role === "viewonly" ? "view-only viewers" : "viewers"}. You can see them under
        “Who has access” and revoke the workspace&apos;s grant there, on its own or together with {grantee}&apos;s.
      </Text>
      <Button href={url}>Open sharing</Button>
    </EmailLayout>
  );
}
