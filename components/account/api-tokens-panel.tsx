"use client";
import { useRouter } from "next/navigation";
import { useActionState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { fieldError } from "@/components/ui/use-action-result";
import { createApiTokenAction } from "@/lib/actions/account/create-api-token";
import { revokeApiTokenAction } from "@/lib/actions/account/revoke-api-token";
import { formatDateTime } from "@/lib/util/format";
import { Table } from "@/components/ui/table";

type Token = {
  id: string;
  name: string;
  prefix: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  createdAt: string;
};

export function ApiTokensPanel({ tokens }: { tokens: Token[] }) {
  const router = useRouter();
  const [result, action, pending] = useActionState(createApiTokenAction, null);
  const [revoking, startTransition] = useTransition();
  const nameError = fieldError(result, "name");
  return (
    <div className="space-y-6">
      <form action={action} className="flex flex-wrap items-end gap-3" aria-label="Create an API token">
        <div className="min-w-56 flex-1">
          <TextField label="Token name" name="name" required placeholder="e.g. laptop script" error={nameError} />
        </div>
        <div className="w-40">
          <TextField
            label="Expires in days"
            name="expiresDays"
            type="number"
            min={1}
            max={3650}
            placeholder="never"
            error={fieldError(result, "expiresDays")}
          />
        </div>
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create token"}
        </Button>
      </form>
      {result && !result.ok && !result.fieldErrors ? (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {result.message}
        </p>
      ) : null}
      {result?.ok ? (
        <div className="rounded-md border border-green-300 bg-green-50 p-4 text-sm dark:border-green-800 dark:bg-green-950">
          <p className="font-medium">Copy your new token now. It will not be shown again.</p>
          <div className="mt-2 flex gap-2">
            <code
              data-testid="new-token"
              className="flex-1 overflow-x-auto rounded bg-white px-2 py-1 dark:bg-zinc-900"
            >
              {result.data.token}
            </code>
            <Button
              variant="secondary"
              onClick={() => navigator.clipboard.writeText(result.data.token).then(() => toast.success("Copied"))}
            >
              Copy
            </Button>
          </div>
        </div>
      ) : null}
      <Table
        caption="API tokens"
        rows={tokens}
        rowKey={(t) => t.id}
        empty="No API tokens."
        columns={[
          { header: "Name", cell: (t) => t.name },
          { header: "Token", cell: (t) => `${t.prefix}…`, className: "font-mono text-xs" },
          { header: "Created", cell: (t) => formatDateTime(t.createdAt) },
          { header: "Expires", cell: (t) => (t.expiresAt ? formatDateTime(t.expiresAt) : "never") },
          { header: "Last used", cell: (t) => formatDateTime(t.lastUsedAt) },
          {
            header: <span className="sr-only">Actions</span>,
            className: "text-right",
            cell: (t) => (
              <Button
                variant="ghost"
                disabled={revoking}
                onClick={() =>
                  startTransition(async () => {
                    const r = await revokeApiTokenAction(t.id);
                    if (r.ok) {
                      toast.success("Token revoked");
                      router.refresh();
                    } else toast.error(r.message);
                  })
                }
              >
                Revoke
              </Button>
            ),
          },
        ]}
      />
    </div>
  );
}
