// Rows dragged inside the browser carry their ids under this type (files from the computer carry "Files").
export const ENTRY_DRAG_TYPE = "application/x-datashelf-entries";

function draggedIds(event: { dataTransfer: DataTransfer | null }): string[] | null {
  const raw = event.dataTransfer?.getData(ENTRY_DRAG_TYPE);
  if (!raw) return null;
  try {
    const ids = JSON.parse(raw) as unknown;
    return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === "string") : null;
  } catch {
    return null;
  }
}

function isEntryDrag(event: { dataTransfer: DataTransfer | null }): boolean {
  return [...(event.dataTransfer?.types ?? [])].includes(ENTRY_DRAG_TYPE);
}

/** Props that make an element a drop target for dragged rows (moving them into `folderId`). */
export function moveDropProps(
  folderId: string | null,
  onMove: ((ids: string[], targetId: string) => void) | undefined,
  setOver?: (over: boolean) => void,
) {
  if (!folderId || !onMove) return {};
  return {
    onDragOver: (event: React.DragEvent) => {
      if (!isEntryDrag(event)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = "move";
      setOver?.(true);
    },
    onDragLeave: () => setOver?.(false),
    onDrop: (event: React.DragEvent) => {
      const ids = draggedIds(event);
      setOver?.(false);
      if (!ids) return;
      event.preventDefault();
      event.stopPropagation();
      if (!ids.includes(folderId)) onMove(ids, folderId);
    },
  };
}
