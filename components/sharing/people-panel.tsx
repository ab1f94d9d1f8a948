"use client";
import type { ReactNode } from "react";
import { PeoplePolicyHint } from "@/components/policies/people-policy-hint";
import { useResourcePolicy } from "@/components/policies/use-resource-policy";
import { latestEnd } from "@/lib/policies/rules";
import { formatIsoDate } from "@/lib/util/format";
import type { ResourceType } from "@/lib/sharing/schemas";
import { AccessList } from "./access-list";
import { GeneralAccess } from "./general-access";
import { PreviewAsPanel } from "./preview-as-panel";
import { ShareForm } from "./share-form";
import type { useAccess } from "./use-access";
import type { ShareForm as Form } from "./use-share-form";

type Props = {
  type: ResourceType;
  id: string;
  access: ReturnType<typeof useAccess>;
  form: Form;
  previewing: string | null;
  onPreview: (shareId: string | null) => void;
  onManageLinks: () => void;
  children?: ReactNode;
};

/**
 * The "People" tab, laid out like Drive's: the input with chips and the role, who has access (with
 * preview as a grantee), then General access (visibility and links).
 */
export function PeoplePanel({ type, id, access, form, previewing, onPreview, onManageLinks, children }: Props) {
  const { query } = access;
  const { data: policy } = useResourcePolicy(type, id);
  const latest =
    policy?.externalGrantMaxDays != null ? formatIsoDate(latestEnd(policy.externalGrantMaxDays)) : undefined;
  return (
    <div role="tabpanel" aria-label="People">
      <PeoplePolicyHint type={type} id={id} />
      <ShareForm form={form} latestEnd={latest} />
      <h3 className="mt-2 text-sm font-semibold">Who has access</h3>
      {query.isPending ? (
        <p className="py-4 text-sm text-zinc-500">Loading…</p>
      ) : query.isError ? (
        <p role="alert" className="py-4 text-sm text-red-600 dark:text-red-400">
          {query.error.message}
        </p>
      ) : (
        <AccessList type={type} rows={query.data.rows} access={access} onPreview={onPreview} />
      )}
      {previewing ? <PreviewAsPanel type={type} id={id} shareId={previewing} onClose={() => onPreview(null)} /> : null}
      {query.data ? (
        <GeneralAccess type={type} id={id} visibility={query.data.visibility} onManageLinks={onManageLinks} />
      ) : null}
      {children}
    </div>
  );
}
