"use client";
import { useRouter } from "next/navigation";
import { useActionState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { fieldError } from "@/components/ui/use-action-result";
import { createApiTokenAction } from "@/lib/actions/account/create-api-token";
import { revokeApiTokenAction } from "@/lib/actions/account/revoke-api-token";

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
  const fmt = (d: string | null) => (d ? new Date(d).toLocaleString("en-GB") : "—");
  return (
    <div className="space-y-6">
      <form action={action} className="flex flex-wrap items-end gap-3" aria-label="Create an API token">
        <div className="min-w-56 flex-1">
          <TextField
            label="Token name"
            name="name"
            required
            placeholder="e.g. laptop script"
            error={fieldError(result, "name")}
          />
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
        <p role="alert" className="text-sm text-red-600">
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
      {tokens.length === 0 ? (
        <p className="text-sm text-zinc-500">No API tokens.</p>
      ) : (
        <table className="w-full text-left text-sm">
          <thead className="text-xs uppercase text-zinc-500">
            <tr>
              <th className="py-2">Name</th>
              <th>Token</th>
              <th>Created</th>
              <th>Expires</th>
              <th>Last used</th>
              <th>
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {tokens.map((t) => (
              <tr key={t.id}>
                <td className="py-2">{t.name}</td>
                <td className="font-mono text-xs">{t.prefix}…</td>
                <td>{fmt(t.createdAt)}</td>
                <td>{t.expiresAt ? fmt(t.expiresAt) : "never"}</td>
                <td>{fmt(t.lastUsedAt)}</td>
                <td className="text-right">
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
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
