"use client";
import { useEffect, useState, useSyncExternalStore } from "react";

/**
 * The one way a mutation confirms (or reports a failure): a small toast in the corner, announced
 * politely to screen readers, dismissible, hidden after a few seconds (not while hovered or focused).
 * Call `toast.success(...)` / `toast.error(...)` anywhere on the client; `<Toaster />` (in the
 * providers) shows them.
 */
export type ToastKind = "success" | "error";
export type ToastOptions = {
  /** one button beside the message, e.g. Undo; pressing it also dismisses the toast */
  action?: { label: string; onClick: () => void } | undefined;
  /** milliseconds before it hides itself */
  duration?: number;
};
type ToastItem = { id: number; kind: ToastKind; message: string; action?: ToastOptions["action"]; duration: number };

const DURATION_MS: Record<ToastKind, number> = { success: 5_000, error: 8_000 };
const ACTION_DURATION_MS = 10_000;
// More at once is noise; the oldest go first.
const MAX_SHOWN = 4;

let items: ToastItem[] = [];
let nextId = 0;
const listeners = new Set<() => void>();
const EMPTY: ToastItem[] = [];

function emit() {
  for (const listener of listeners) listener();
}

function show(kind: ToastKind, message: string, options: ToastOptions = {}): number {
  const id = ++nextId;
  const duration = options.duration ?? (options.action ? ACTION_DURATION_MS : DURATION_MS[kind]);
  items = [...items, { id, kind, message, action: options.action, duration }].slice(-MAX_SHOWN);
  emit();
  return id;
}

function dismiss(id: number) {
  items = items.filter((item) => item.id !== id);
  emit();
}

export const toast = {
  success: (message: string, options?: ToastOptions) => show("success", message, options),
  error: (message: string, options?: ToastOptions) => show("error", message, options),
  dismiss,
};

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Where toasts appear: one polite live region, present from the start so additions are announced. */
export function Toaster() {
  const shown = useSyncExternalStore(
    subscribe,
    () => items,
    () => EMPTY,
  );
  return (
    <section
      aria-label="Notifications"
      className="pointer-events-none fixed bottom-4 right-4 z-[100] w-80 max-w-[calc(100vw-2rem)]"
    >
      <div role="status" aria-live="polite" aria-atomic="false" className="flex flex-col gap-2">
        {shown.map((item) => (
          <Toast key={item.id} item={item} />
        ))}
      </div>
    </section>
  );
}

const KIND_STYLE: Record<ToastKind, { box: string; icon: string; label: string }> = {
  success: {
    box: "border-emerald-300 bg-emerald-50 text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-50",
    icon: "✓",
    label: "Done",
  },
  error: {
    box: "border-red-300 bg-red-50 text-red-950 dark:border-red-800 dark:bg-red-950 dark:text-red-50",
    icon: "!",
    label: "Error",
  },
};

function Toast({ item }: { item: ToastItem }) {
  const [paused, setPaused] = useState(false);
  useEffect(() => {
    if (paused) return;
    const timer = window.setTimeout(() => dismiss(item.id), item.duration);
    return () => window.clearTimeout(timer);
  }, [paused, item.id, item.duration]);
  const style = KIND_STYLE[item.kind];
  return (
    <div
      data-testid="toast"
      data-kind={item.kind}
      className={`pointer-events-auto flex items-start gap-2 rounded-md border px-3 py-2 text-sm shadow-lg ${style.box}`}
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={() => setPaused(false)}
    >
      <span aria-hidden className="mt-px font-bold">
        {style.icon}
      </span>
      <span className="sr-only">{style.label}:</span>
      <p className="min-w-0 flex-1 break-words">{item.message}</p>
      {item.action ? (
        <button
          type="button"
          className="shrink-0 rounded px-1.5 font-semibold underline hover:bg-black/5 dark:hover:bg-white/10"
          onClick={() => {
            item.action!.onClick();
            dismiss(item.id);
          }}
        >
          {item.action.label}
        </button>
      ) : null}
      <button
        type="button"
        aria-label="Dismiss notification"
        className="shrink-0 rounded px-1.5 leading-5 hover:bg-black/5 dark:hover:bg-white/10"
        onClick={() => dismiss(item.id)}
      >
        ×
      </button>
    </div>
  );
}
