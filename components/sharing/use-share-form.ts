"use client";
import { useState } from "react";
import { toast } from "sonner";
import { DEFAULT_MIN_GROUP_SIZE } from "@/lib/aggregate/grant-rules";
import { shareResourceAction } from "@/lib/actions/sharing/share-resource";
import type { ResourceType, ShareRole } from "@/lib/sharing/schemas";
import type { Scope } from "@/lib/scopes/scope-schema";
import { type GranteeChip, granteeProblem } from "./grantee-chips";
import type { useAccess } from "./use-access";

/**
 * The share form's state and submit; it lives with the dialog, so what was typed survives
 * switching tabs, and a successful share refreshes the access list.
 */
export function useShareForm(type: ResourceType, id: string, access: ReturnType<typeof useAccess>) {
  const [grantees, setGrantees] = useState<GranteeChip[]>([]);
  const [role, setRole] = useState<ShareRole>("viewer");
  const [minGroupSize, setMinGroupSize] = useState(String(DEFAULT_MIN_GROUP_SIZE));
  const [note, setNote] = useState("");
  const [expires, setExpires] = useState("");
  const [workspace, setWorkspace] = useState("");
  // unset until the sharer touches it: the workspace's default applies
  const [allowAdd, setAllowAdd] = useState<boolean | undefined>(undefined);
  // a dataset slice the new grants are limited to (null: the whole dataset)
  const [scope, setScope] = useState<Scope | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  const allowAddShown = allowAdd ?? access.query.data?.allowAddDefault ?? false;

  async function submit() {
    const all = [...grantees.map((g) => g.handle), ...(workspace ? [`workspace:${workspace}`] : [])];
    if (all.length === 0) {
      setError("Add at least one person, e-mail address or workspace.");
      return;
    }
    if (grantees.some((g) => granteeProblem(g.handle))) {
      setError("Remove or correct the marked entries first.");
      return;
    }
    setPending(true);
    setError(undefined);
    const result = await shareResourceAction({
      type,
      id,
      grantees: all,
      role,
      minGroupSize: role === "aggregate" ? Number(minGroupSize || DEFAULT_MIN_GROUP_SIZE) : undefined,
      note: note || undefined,
      expiresAt: expires ? new Date(`${expires}T23:59:59`) : undefined,
      allowAddToWorkspace: scope ? false : allowAddShown,
      ...(scope ? { scope } : {}),
    });
    setPending(false);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    toast.success(`Shared with ${result.data.map((o) => o.grantee).join(", ")}`);
    setGrantees([]);
    setNote("");
    setExpires("");
    setWorkspace("");
    setAllowAdd(undefined);
    setScope(null);
    await access.invalidate();
  }

  /** Back to the access list without sharing: what was typed is dropped. */
  function cancel() {
    setGrantees([]);
    setNote("");
    setExpires("");
    setWorkspace("");
    setAllowAdd(undefined);
    setScope(null);
    setError(undefined);
  }

  return {
    type,
    fields: { grantees, role, minGroupSize, note, expires, workspace, allowAdd: allowAddShown, scope },
    set: { setGrantees, setRole, setMinGroupSize, setNote, setExpires, setWorkspace, setAllowAdd, setScope },
    target: { type, id },
    workspaces: access.query.data?.workspaces ?? [],
    /** people or a workspace are being added: the message, end date and Share show */
    composing: grantees.length > 0 || Boolean(workspace),
    pending,
    error,
    submit,
    cancel,
  };
}

export type ShareForm = ReturnType<typeof useShareForm>;
