import { ApiTokensPanel } from "@/components/account/api-tokens-panel";
import { Card, PageHeader } from "@/components/ui/empty-state";
import { requireUser } from "@/lib/auth/session";
import { listApiTokens } from "@/lib/tokens/api-tokens";

export const metadata = { title: "Account" };

export default async function AccountPage() {
  const user = await requireUser();
  const tokens = await listApiTokens(user);
  return (
    <div className="space-y-6">
      <PageHeader title="Account" description={`${user.username} · ${user.email}`} />
      <Card>
        <h2 className="text-base font-semibold">API tokens</h2>
        <p className="mb-4 mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          Send a token as <code>Authorization: Bearer &lt;token&gt;</code> to the REST API. It acts as you.
        </p>
        <ApiTokensPanel
          tokens={tokens.map((t) => ({
            ...t,
            expiresAt: t.expiresAt?.toISOString() ?? null,
            lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
            createdAt: t.createdAt.toISOString(),
          }))}
        />
      </Card>
    </div>
  );
}
