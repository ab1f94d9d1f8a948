"use client";
import * as Dialog from "@radix-ui/react-dialog";
import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import type { ResourceType } from "@/lib/sharing/schemas";
import { AccessLinksPanel } from "./access-links-panel";
import { CopyLinkButton } from "./copy-link-button";
import { HistoryPanel } from "./history-panel";
import { PeoplePanel } from "./people-panel";
import { type ShareTab, ShareTabs } from "./share-tabs";
import { useAccess } from "./use-access";
import { useShareForm } from "./use-share-form";

export type ShareDialogProps = {
  type: ResourceType;
  id: string;
  name: string;
  /** extra sections rendered under the access list */
  children?: ReactNode;
  /** null: no trigger, the dialog is opened through `open` (a row's menu) */
  trigger?: ReactNode | null;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
};

/**
 * Share a resource (managers only), as in Drive: add people as chips with the role beside them, see
 * and change who has access, preview what a grantee sees, set General access (visibility, links),
 * copy the resource's link, manage access links and read the sharing history. The header and the
 * footer (Copy link, Done) stay in view; only the middle scrolls, and only when a long list needs it.
 */
export function ShareDialog({ type, id, name, children, trigger, ...controlled }: ShareDialogProps) {
  const [openState, setOpenState] = useState(false);
  const open = controlled.open ?? openState;
  const setOpen = controlled.onOpenChange ?? setOpenState;
  const [tab, setTab] = useState<ShareTab>("people");
  const [previewing, setPreviewing] = useState<string | null>(null);
  const access = useAccess(type, id, open);
  const form = useShareForm(type, id, access);

  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      {trigger === null ? null : (
        <Dialog.Trigger asChild>{trigger ?? <Button variant="secondary">Share</Button>}</Dialog.Trigger>
      )}
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <Dialog.Content
          className="fixed inset-x-2 top-4 z-50 mx-auto flex max-h-[calc(100dvh-2rem)] max-w-2xl flex-col rounded-lg bg-white shadow-xl dark:bg-zinc-900"
          data-testid="share-dialog"
          onEscapeKeyDown={(e) => {
            // Escape in the people field with text typed clears it (and its suggestions) and keeps the dialog
            const target = e.target as HTMLElement | null;
            if (target?.getAttribute("role") === "combobox" && (target as HTMLInputElement).value.trim())
              e.preventDefault();
          }}
        >
          <div className="px-5 pt-3">
            <Dialog.Title className="truncate text-lg font-semibold">Share “{name}”</Dialog.Title>
            <Dialog.Description className="sr-only">
              People without an account get an invitation by e-mail.
            </Dialog.Description>
            <ShareTabs tab={tab} onSelect={setTab} />
          </div>
          <div className="min-h-0 flex-1 overflow-y-auto px-5 pb-3" data-testid="share-dialog-body">
            {tab === "people" ? (
              <PeoplePanel
                {...{ type, id, access, form, previewing }}
                onPreview={setPreviewing}
                onManageLinks={() => setTab("links")}
              >
                {children}
              </PeoplePanel>
            ) : tab === "links" ? (
              <div role="tabpanel" aria-label="Access links">
                <AccessLinksPanel type={type} id={id} />
              </div>
            ) : (
              <div role="tabpanel" aria-label="History">
                <HistoryPanel type={type} id={id} />
              </div>
            )}
          </div>
          <div className="flex items-center justify-between gap-2 border-t border-zinc-200 px-5 py-2.5 dark:border-zinc-800">
            <CopyLinkButton path={access.query.data?.path} />
            <Dialog.Close asChild>
              <Button>Done</Button>
            </Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
