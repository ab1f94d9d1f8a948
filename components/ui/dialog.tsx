"use client";
import * as Radix from "@radix-ui/react-dialog";
import { type ReactElement, type ReactNode, useLayoutEffect, useRef } from "react";

const SIZES = {
  small:
    "fixed inset-x-2 top-6 z-50 mx-auto max-h-[calc(100vh-3rem)] max-w-md overflow-y-auto rounded-lg bg-white p-5 shadow-xl sm:top-20 dark:bg-zinc-900",
  large:
    "fixed inset-2 z-50 mx-auto flex max-w-5xl flex-col overflow-hidden rounded-lg bg-white shadow-xl sm:inset-8 dark:bg-zinc-900",
};

type ShellProps = {
  open: boolean;
  onClose: () => void;
  /** called when `trigger` is pressed */
  onOpen?: () => void;
  /** the button that opens the dialog, rendered in place */
  trigger?: ReactElement;
  size?: keyof typeof SIZES;
  /** must contain a DialogTitle: it names the dialog for screen readers */
  children: ReactNode;
};

/**
 * The modal frame every dialog uses: role=dialog with aria-modal, named by its DialogTitle, Escape and the
 * overlay close it, focus stays inside while open and goes back to the element that opened it.
 */
export function DialogShell({ open, onClose, onOpen, trigger, size = "small", children }: ShellProps) {
  const opener = useRef<HTMLElement | null>(null);
  useLayoutEffect(() => {
    if (open && document.activeElement instanceof HTMLElement) opener.current = document.activeElement;
  }, [open]);

  // Radix returns focus only to its own Trigger; dialogs opened from a menu, a shortcut or a row have none.
  function returnFocus(event: Event) {
    if (trigger) return;
    event.preventDefault();
    if (opener.current?.isConnected) opener.current.focus();
    opener.current = null;
  }

  return (
    <Radix.Root open={open} onOpenChange={(next) => (next ? onOpen?.() : onClose())}>
      {trigger ? <Radix.Trigger asChild>{trigger}</Radix.Trigger> : null}
      <Radix.Portal>
        <Radix.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <Radix.Content aria-modal="true" className={SIZES[size]} onCloseAutoFocus={returnFocus}>
          {children}
        </Radix.Content>
      </Radix.Portal>
    </Radix.Root>
  );
}

export function DialogTitle({
  className = "text-lg font-semibold",
  children,
}: {
  className?: string;
  children: ReactNode;
}) {
  return <Radix.Title className={className}>{children}</Radix.Title>;
}

export function DialogDescription({
  className = "mt-1 text-sm text-zinc-600 dark:text-zinc-400",
  children,
}: {
  className?: string;
  children: ReactNode;
}) {
  return <Radix.Description className={className}>{children}</Radix.Description>;
}

export const DialogClose = Radix.Close;

/** A small centred dialog with a heading, an optional description and its content below. */
export function Dialog({
  title,
  description,
  children,
  ...shell
}: Omit<ShellProps, "size" | "children"> & { title: string; description?: ReactNode; children: ReactNode }) {
  return (
    <DialogShell {...shell}>
      <DialogTitle>{title}</DialogTitle>
      {description ? (
        <DialogDescription>{description}</DialogDescription>
      ) : (
        <DialogDescription className="sr-only">{title}</DialogDescription>
      )}
      <div className="mt-4">{children}</div>
    </DialogShell>
  );
}
