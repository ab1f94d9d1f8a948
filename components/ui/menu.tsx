"use client";
import { type KeyboardEvent, type ReactNode, useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { createPortal } from "react-dom";

/** One entry of a menu: an action (`onSelect`) or a link (`href`, optionally a download). */
export type MenuItem = {
  label: string;
  onSelect?: () => void;
  href?: string;
  /** the file name a link saves as */
  download?: string;
  danger?: boolean;
  icon?: ReactNode;
};

/** Where an open menu shows: a point (a right-click) or below an element (its button), and who gets focus back. */
export type MenuAnchor = {
  x: number;
  y: number;
  /** "end": the menu's right edge at x (under a button at the right of a row) */
  align: "start" | "end";
  /** the element focus returns to when the menu closes by Escape, Tab or a choice */
  opener: HTMLElement | null;
  /** which item has focus first (ArrowUp on the button opens at the last one) */
  focus: "first" | "last";
};

/** The anchor for a menu opened from `button`: under it, right-aligned. */
export function anchorBelow(button: HTMLElement, focus: "first" | "last" = "first"): MenuAnchor {
  const rect = button.getBoundingClientRect();
  return { x: rect.right, y: rect.bottom + 4, align: "end", opener: button, focus };
}

/** Opens with Enter, Space, ArrowDown (first item) or ArrowUp (last item), as the WAI-ARIA menu button pattern asks. */
export function menuButtonKeys(event: KeyboardEvent<HTMLElement>, open: (anchor: MenuAnchor) => void) {
  if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
  event.preventDefault();
  event.stopPropagation();
  open(anchorBelow(event.currentTarget, event.key === "ArrowUp" ? "last" : "first"));
}

const MARGIN = 8;

/**
 * A small accessible popup menu (role=menu) in a portal: arrows, Home/End and the first letter move
 * between items, Enter/Space choose, Escape and Tab close and give focus back to the opener, a click
 * outside or a resize of the window closes it. Shown at a point, so one component serves a ⋯ button and
 * a right-click alike.
 */
export function Menu({
  id,
  label,
  items,
  anchor,
  onClose,
}: {
  /** for the opening button's aria-controls */
  id?: string;
  label: string;
  items: MenuItem[];
  anchor: MenuAnchor;
  onClose: () => void;
}) {
  const panel = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState<{ left: number; top: number } | null>(null);

  const close = useCallback(
    (restoreFocus: boolean) => {
      if (restoreFocus && anchor.opener?.isConnected) anchor.opener.focus();
      onClose();
    },
    [anchor.opener, onClose],
  );

  const itemsOf = () => [...(panel.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];

  useLayoutEffect(() => {
    const el = panel.current;
    if (!el) return;
    const { width, height } = el.getBoundingClientRect();
    const wantLeft = anchor.align === "end" ? anchor.x - width : anchor.x;
    const left = Math.max(MARGIN, Math.min(wantLeft, window.innerWidth - width - MARGIN));
    // Not enough room below: open upwards from the anchor.
    const top = anchor.y + height + MARGIN > window.innerHeight ? Math.max(MARGIN, anchor.y - height - 8) : anchor.y;
    setPosition({ left, top });
    const all = itemsOf();
    (anchor.focus === "last" ? all[all.length - 1] : all[0])?.focus();
  }, [anchor]);

  useEffect(() => {
    const outside = (event: Event) => {
      const target = event.target as Node;
      // A press on the menu's own button is its toggle; anywhere else (the right-clicked row too) closes.
      const button = anchor.opener instanceof HTMLButtonElement ? anchor.opener : null;
      if (panel.current?.contains(target) || button?.contains(target)) return;
      close(false);
    };
    const dismiss = () => close(false);
    document.addEventListener("pointerdown", outside, true);
    window.addEventListener("resize", dismiss);
    return () => {
      document.removeEventListener("pointerdown", outside, true);
      window.removeEventListener("resize", dismiss);
    };
  }, [anchor.opener, close]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    // The menu lives in a portal, but React still bubbles its keys to the row and table under the opener.
    event.stopPropagation();
    const all = itemsOf();
    const at = all.indexOf(document.activeElement as HTMLElement);
    const focusAt = (index: number) => {
      event.preventDefault();
      all[(index + all.length) % all.length]?.focus();
    };
    switch (event.key) {
      case "ArrowDown":
        return focusAt(at + 1);
      case "ArrowUp":
        return focusAt(at < 0 ? -1 : at - 1);
      case "Home":
        return focusAt(0);
      case "End":
        return focusAt(all.length - 1);
      case "Escape":
      case "Tab":
        event.preventDefault();
        return close(true);
      default:
        if (event.key.length === 1 && /\S/.test(event.key) && !event.ctrlKey && !event.metaKey) {
          const key = event.key.toLowerCase();
          const order = [...all.slice(at + 1), ...all.slice(0, at + 1)];
          const next = order.find((item) => item.textContent?.trim().toLowerCase().startsWith(key));
          if (next) {
            event.preventDefault();
            next.focus();
          }
        }
    }
  }

  const itemClass = (danger?: boolean) =>
    `flex w-full items-center gap-2 rounded px-2.5 py-1.5 text-left text-sm outline-none hover:bg-zinc-100 focus:bg-zinc-100 dark:hover:bg-zinc-800 dark:focus:bg-zinc-800 ${danger ? "text-red-700 dark:text-red-400" : "text-zinc-800 dark:text-zinc-100"}`;

  return createPortal(
    <div
      ref={panel}
      id={id}
      role="menu"
      aria-label={label}
      aria-orientation="vertical"
      onKeyDown={onKeyDown}
      onContextMenu={(event) => event.preventDefault()}
      style={position ? { left: position.left, top: position.top } : { left: -9999, top: 0 }}
      className="fixed z-50 min-w-48 rounded-md border border-zinc-200 bg-white p-1 shadow-lg dark:border-zinc-800 dark:bg-zinc-900"
    >
      {items.map((item) =>
        item.href ? (
          <a
            key={item.label}
            role="menuitem"
            tabIndex={-1}
            href={item.href}
            download={item.download}
            className={itemClass(item.danger)}
            // The link must still be in the page when the browser follows it: close once the click is done.
            onClick={() => setTimeout(() => close(true))}
          >
            {item.icon}
            {item.label}
          </a>
        ) : (
          <button
            key={item.label}
            type="button"
            role="menuitem"
            tabIndex={-1}
            className={itemClass(item.danger)}
            onClick={() => {
              close(true);
              item.onSelect?.();
            }}
          >
            {item.icon}
            {item.label}
          </button>
        ),
      )}
    </div>,
    document.body,
  );
}
