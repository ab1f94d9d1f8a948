"use client";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { toast } from "sonner";
import { MinGroupSizeField } from "@/components/aggregate/min-group-size-field";
import { Button } from "@/components/ui/button";
import { approveAccessRequestAction } from "@/lib/actions/requests/approve-access-request";
import { denyAccessRequestAction } from "@/lib/actions/requests/deny-access-request";
import { DEFAULT_MIN_GROUP_SIZE } from "@/lib/aggregate/grant-rules";
import { shareRolesFor } from "@/lib/aggregate/share-roles";
import { SHARE_ROLE_LABELS, type ResourceType, type ShareRole } from "@/lib/sharing/schemas";

const control =
  "block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-900";

/**
 * Approve (role, the minimum group size of "Totals only", optional end date) or deny (optional reason). Deciding is a POST from this page by a
 * signed-in manager (the server checks): the e-mail only links here, so a URL alone never decides.
 */
export function RequestDecisionForm({
  requestId,
  requester,
  resourceType,
}: {
  requestId: string;
  requester: string;
  resourceType: ResourceType;
}) {
  const id = useId();
  const router = useRouter();
  const [role, setRole] = useState<ShareRole>("viewer");
  const [minGroupSize, setMinGroupSize] = useState(String(DEFAULT_MIN_GROUP_SIZE));
  const [until, setUntil] = useState("");
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();

  const run = (fn: () => ReturnType<typeof approveAccessRequestAction>, done: string) =>
    start(async () => {
      const result = await fn();
      if (result.ok) {
        setError(null);
        toast.success(done);
        router.refresh();
      } else setError(result.message);
    });

  return (
    <div className="grid gap-6 md:grid-cols-2">
      <form
        aria-label="Approve"
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          run(
            () =>
              approveAccessRequestAction({
                requestId,
                role,
                ...(role === "aggregate" && minGroupSize ? { minGroupSize: Number(minGroupSize) } : {}),
                expiresAt: until ? new Date(`${until}T23:59:59`).toISOString() : undefined,
              }),
            `${requester} now has access`,
          );
        }}
      >
        <h2 className="text-sm font-semibold">Approve</h2>
        <div className="space-y-1">
          <label htmlFor={`${id}-role`} className="block text-sm font-medium">
            Role
          </label>
          <select
            id={`${id}-role`}
            value={role}
            onChange={(e) => setRole(e.target.value as ShareRole)}
            className={control}
          >
            {shareRolesFor(resourceType).map((r) => (
              <option key={r} value={r}>
                {SHARE_ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </div>
        {role === "aggregate" ? <MinGroupSizeField value={minGroupSize} onChange={setMinGroupSize} /> : null}
        <div className="space-y-1">
          <label htmlFor={`${id}-until`} className="block text-sm font-medium">
            Access ends (optional)
          </label>
          <input
            id={`${id}-until`}
            type="date"
            value={until}
            onChange={(e) => setUntil(e.target.value)}
            className={control}
          />
        </div>
        <Button type="submit" disabled={pending}>
          Approve
        </Button>
      </form>
      <form
        aria-label="Deny"
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          run(() => denyAccessRequestAction({ requestId, reason }), "Request declined");
        }}
      >
        <h2 className="text-sm font-semibold">Deny</h2>
        <div className="space-y-1">
          <label htmlFor={`${id}-reason`} className="block text-sm font-medium">
            Reason (sent to {requester})
          </label>
          <textarea
            id={`${id}-reason`}
            rows={3}
            maxLength={1000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            className={control}
          />
        </div>
        <Button type="submit" variant="danger" disabled={pending}>
          Deny
        </Button>
      </form>
      {error ? (
        <p role="alert" className="text-sm text-red-600 md:col-span-2 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}
