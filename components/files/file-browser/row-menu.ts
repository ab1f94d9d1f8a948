import type { MenuItem } from "@/components/ui/menu";
import type { EntryRow } from "@/lib/files/entry-types";
import { downloadUrl, zipUrl } from "../api";

type RowMenuOptions = {
  linkToken?: string;
  /** download (a folder as ZIP) is offered: false for view-only access */
  canDownload: boolean;
  /** rename, move and trash are offered */
  canChange: boolean;
  /** share is offered */
  canShare: boolean;
  onRename: (entry: EntryRow) => void;
  onMove: (entry: EntryRow) => void;
  onShare: (entry: EntryRow) => void;
  onTrash: (entry: EntryRow) => void;
};

/** A row's menu after "Open": download (a folder as ZIP), then what the viewer may change. */
export function rowMenuItems(entry: EntryRow, options: RowMenuOptions): MenuItem[] {
  const { linkToken, canDownload, canChange, canShare } = options;
  const items: MenuItem[] = [];
  if (canDownload)
    items.push(
      entry.kind === "file"
        ? { label: "Download", href: downloadUrl(entry.id, linkToken), download: entry.name }
        : { label: "Download ZIP", href: zipUrl(entry.id, linkToken), download: `${entry.name}.zip` },
    );
  if (canChange) {
    items.push({ label: "Rename…", onSelect: () => options.onRename(entry) });
    items.push({ label: "Move…", onSelect: () => options.onMove(entry) });
  }
  if (canShare) items.push({ label: "Share…", onSelect: () => options.onShare(entry) });
  if (canChange) items.push({ label: "Move to trash", danger: true, onSelect: () => options.onTrash(entry) });
  return items;
}
