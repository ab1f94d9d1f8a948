"use client";
import * as Dialog from "@radix-ui/react-dialog";
import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import type { ResourceType } from "@/lib/sharing/schemas";
import { AccessLinksPanel } from "./access-links-panel";
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
 * Share a resource (managers only): add people, e-mails or a workspace with a role; see and
 * change who has access, preview what a grantee sees, set a dataset's visibility, manage
 * read-only access links and read the sharing history.
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
        <Dialog.Content className="fixed inset-x-2 top-4 z-50 mx-auto max-h-[calc(100vh-2rem)] max-w-xl overflow-y-auto rounded-lg bg-white p-5 shadow-xl sm:top-12 dark:bg-zinc-900">
          <Dialog.Title className="text-lg font-semibold">Share “{name}”</Dialog.Title>
          <Dialog.Description className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            People without an account get an invitation by e-mail. Viewers can read and download; editors can also
            change content.
          </Dialog.Description>
          <ShareTabs tab={tab} onSelect={setTab} />
          {tab === "people" ? (
            <PeoplePanel {...{ type, id, access, form, previewing }} onPreview={setPreviewing}>
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
          <div className="mt-4 flex justify-end">
            <Dialog.Close asChild>
              <Button variant="secondary">Done</Button>
            </Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
