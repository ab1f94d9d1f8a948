"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { updatePolicyAction } from "@/lib/actions/policies/update-policy";
import { parseDomainList, type SharingPolicy } from "@/lib/policies/schemas";

const daysText = (n: number | null) => (n === null ? "" : String(n));
const daysValue = (text: string): number | null => (text.trim() === "" ? null : Number(text));

function Check({
  label,
  hint,
  checked,
  onChange,
}: {
  label: string;
  hint: string;
  checked: boolean;
  onChange: (v: boolean) => void;
}) {
  return (
    <label className="flex items-start gap-2 text-sm text-zinc-700 dark:text-zinc-300">
      <input type="checkbox" className="mt-0.5" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <span>
        {label}
        <span className="block text-xs text-zinc-500">{hint}</span>
      </span>
    </label>
  );
}

/**
 * The workspace's sharing policy: limits on links and on grants that every new share must meet.
 * Empty numbers mean no limit. Saving refreshes the page, whose list then shows what breaks it.
 */
export function SharingPolicyForm({ workspaceId, policy }: { workspaceId: string; policy: SharingPolicy }) {
  const router = useRouter();
  const [linkDays, setLinkDays] = useState(daysText(policy.linkMaxDays));
  const [password, setPassword] = useState(policy.linkPasswordRequired);
  const [noPublic, setNoPublic] = useState(policy.publicLinksDisabled);
  const [domains, setDomains] = useState(policy.allowedEmailDomains.join(", "));
  const [addAllowed, setAddAllowed] = useState(policy.addToWorkspaceAllowed);
  const [grantDays, setGrantDays] = useState(daysText(policy.externalGrantMaxDays));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);

  async function save() {
    setPending(true);
    const result = await updatePolicyAction({
      workspaceId,
      linkMaxDays: daysValue(linkDays),
      linkPasswordRequired: password,
      publicLinksDisabled: noPublic,
      allowedEmailDomains: parseDomainList(domains),
      addToWorkspaceAllowed: addAllowed,
      externalGrantMaxDays: daysValue(grantDays),
    });
    setPending(false);
    if (!result.ok) {
      setErrors(result.fieldErrors ?? {});
      toast.error(result.message);
      return;
    }
    setErrors({});
    setDomains(result.data.allowedEmailDomains.join(", "));
    toast.success("Sharing policy saved");
    router.refresh();
  }

  return (
    <form
      className="max-w-2xl space-y-4"
      aria-label="Sharing policy"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Longest link lifetime (days)"
          type="number"
          min={1}
          max={3650}
          value={linkDays}
          onChange={(e) => setLinkDays(e.target.value)}
          placeholder="No limit"
          error={errors.linkMaxDays}
          hint="New and extended links may last at most this long. Empty: no limit."
        />
        <TextField
          label="Longest access for people outside the workspace (days)"
          type="number"
          min={1}
          max={3650}
          value={grantDays}
          onChange={(e) => setGrantDays(e.target.value)}
          placeholder="No limit"
          error={errors.externalGrantMaxDays}
          hint="Grants to non-members need an end date within this many days. Empty: no limit."
        />
      </div>
      <TextField
        label="Only invite these e-mail domains"
        value={domains}
        onChange={(e) => setDomains(e.target.value)}
        placeholder="Any domain"
        error={
          errors.allowedEmailDomains ?? Object.entries(errors).find(([k]) => k.startsWith("allowedEmailDomains"))?.[1]
        }
        hint="Comma-separated, e.g. example.com, example.org (subdomains included). Applies to e-mail addresses and to people by their e-mail; members are exempt."
      />
      <Check
        label="Links must have a password"
        hint="Every new link needs a password of at least 8 characters."
        checked={password}
        onChange={setPassword}
      />
      <Check
        label="No “anyone with the link” links"
        hint="Links then always ask visitors to sign in."
        checked={noPublic}
        onChange={setNoPublic}
      />
      <Check
        label="Recipients may add shares to their own workspaces"
        hint="Off: nobody can add what this workspace shares to another workspace."
        checked={addAllowed}
        onChange={setAddAllowed}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save policy"}
      </Button>
    </form>
  );
}
