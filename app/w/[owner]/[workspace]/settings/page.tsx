import { PolicyViolations } from "@/components/policies/policy-violations";
import { SharingPolicyForm } from "@/components/policies/sharing-policy-form";
import { ShareDialog } from "@/components/sharing/share-dialog";
import { ShareAddDefaultForm } from "@/components/sharing/share-add-default-form";
import { ShareEmailForm } from "@/components/sharing/share-email-form";
import { readShareAllowAddDefault } from "@/lib/sharing/share-add-default";
import { getShareEmailSettings } from "@/lib/sharing/share-email-settings";
import { Button } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/empty-state";
import { DeleteWorkspaceDialog } from "@/components/workspaces/delete-workspace-dialog";
import { MembersPanel } from "@/components/workspaces/members-panel";
import { WorkspaceForm } from "@/components/workspaces/workspace-form";
import { allows, memberControls } from "@/lib/access";
import { updateWorkspaceAction } from "@/lib/actions/workspaces/update-workspace";
import { listPolicyViolations } from "@/lib/policies/list-violations";
import { getWorkspacePolicy } from "@/lib/policies/workspace-policy";
import { listMembers } from "@/lib/workspaces/members";
import { loadWorkspace, orNotFound } from "../load-workspace";

export const metadata = { title: "Settings" };

export default async function SettingsPage({ params }: { params: Promise<{ owner: string; workspace: string }> }) {
  const { user, workspace } = await loadWorkspace(params);
  const { members, invitations } = await orNotFound(listMembers(user, workspace.id));
  const canManage = allows(workspace.role, "manage");
  const policy = canManage ? await getWorkspacePolicy(user, workspace.id) : null;
  const violations = canManage ? await listPolicyViolations(user, workspace.id) : [];
  return (
    <div className="space-y-6">
      <PageHeader
        title="Workspace settings"
        description={`${workspace.owner}/${workspace.slug} · your role: ${workspace.role}`}
        actions={
          canManage ? (
            <ShareDialog
              type="workspace"
              id={workspace.id}
              name={workspace.name}
              trigger={<Button variant="secondary">Share workspace</Button>}
            />
          ) : null
        }
      />
      <Card>
        <h2 className="mb-4 text-base font-semibold">General</h2>
        <WorkspaceForm
          action={updateWorkspaceAction.bind(null, workspace.id, workspace.owner)}
          initial={{ name: workspace.name, slug: workspace.slug, description: workspace.description }}
          submitLabel="Save changes"
          success="Workspace saved"
          slugLocked={workspace.personal}
          readOnly={!canManage}
        />
      </Card>
      <Card>
        <h2 className="mb-2 text-base font-semibold">Members</h2>
        <MembersPanel
          workspaceId={workspace.id}
          selfId={user.id}
          canManage={canManage}
          members={members.map(({ userId, username, email, role }) => ({
            userId,
            username,
            email,
            role,
            controls: memberControls({ id: user.id, role: workspace.role }, { userId, role }),
          }))}
          invitations={invitations.map((i) => ({
            id: i.id,
            email: i.email,
            role: i.role,
            expiresAt: i.expiresAt.toISOString(),
          }))}
        />
      </Card>
      {canManage ? (
        <Card>
          <h2 className="mb-1 text-base font-semibold">Share e-mail</h2>
          <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">
            What people receive when something in this workspace is shared with them.
          </p>
          <ShareEmailForm workspaceId={workspace.id} {...await getShareEmailSettings(user, workspace.id)} />
        </Card>
      ) : null}
      {canManage ? (
        <Card>
          <h2 className="mb-1 text-base font-semibold">Adding to other workspaces</h2>
          <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">
            Whether people you share with may give one of their own workspaces the same access.
          </p>
          <ShareAddDefaultForm workspaceId={workspace.id} allow={await readShareAllowAddDefault(user, workspace.id)} />
        </Card>
      ) : null}
      {policy ? (
        <Card>
          <h2 id="sharing-policy" className="mb-1 text-base font-semibold">
            Sharing policy
          </h2>
          <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">
            Limits every new link and grant in this workspace must meet, in the share dialog and the API alike.
          </p>
          <SharingPolicyForm workspaceId={workspace.id} policy={policy} />
          <h3 className="mb-2 mt-6 text-sm font-semibold">Links and grants that break the policy</h3>
          <PolicyViolations violations={violations} policy={policy} />
        </Card>
      ) : null}
      {allows(workspace.role, "own") && !workspace.personal ? (
        <Card className="border-red-200 dark:border-red-900">
          <h2 className="text-base font-semibold text-red-700 dark:text-red-400">Danger zone</h2>
          <p className="mb-4 mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            Deleting a workspace removes all its content and every grant on it.
          </p>
          <DeleteWorkspaceDialog workspaceId={workspace.id} slug={workspace.slug} />
        </Card>
      ) : null}
    </div>
  );
}
