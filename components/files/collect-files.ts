import type { PickedFile } from "./use-uploads";

// The File and Directory Entries API (drag and drop of folders); typed here because lib.dom's
// FileSystemEntry types vary between TypeScript versions.
type Entry = { isFile: boolean; isDirectory: boolean; name: string; fullPath: string };
type FileEntry = Entry & { file(ok: (file: File) => void, fail: (error: unknown) => void): void };
type DirectoryEntry = Entry & {
  createReader(): { readEntries(ok: (entries: Entry[]) => void, fail: (error: unknown) => void): void };
};

function readAll(dir: DirectoryEntry): Promise<Entry[]> {
  const reader = dir.createReader();
  const out: Entry[] = [];
  // readEntries returns at most ~100 entries per call; call until it returns none.
  return new Promise((resolve, reject) => {
    const next = () =>
      reader.readEntries((batch) => {
        if (batch.length === 0) return resolve(out);
        out.push(...batch);
        next();
      }, reject);
    next();
  });
}

async function walk(entry: Entry, prefix: string, out: PickedFile[]): Promise<void> {
  const path = prefix ? `${prefix}/${entry.name}` : entry.name;
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileEntry).file(resolve, reject));
    out.push({ file, relativePath: path });
  } else if (entry.isDirectory) {
    for (const child of await readAll(entry as DirectoryEntry)) await walk(child, path, out);
  }
}

/** Files dropped on the page, whole folders included, each with its path relative to the drop. */
export async function filesFromDrop(data: DataTransfer): Promise<PickedFile[]> {
  const entries = [...data.items]
    .filter((item) => item.kind === "file")
    .map((item) => (item as DataTransferItem & { webkitGetAsEntry?: () => Entry | null }).webkitGetAsEntry?.() ?? null);
  if (entries.length === 0 || entries.some((e) => e === null)) {
    return [...data.files].map((file) => ({ file, relativePath: file.name }));
  }
  const out: PickedFile[] = [];
  for (const entry of entries) await walk(entry!, "", out);
  return out;
}

/** Files from an <input type="file"> (with `webkitdirectory`, each keeps its path inside the folder). */
export function filesFromInput(list: FileList | null): PickedFile[] {
  return [...(list ?? [])].map((file) => ({ file, relativePath: file.webkitRelativePath || file.name }));
}

/** Whether a drag carries files from the computer (not rows dragged inside the browser). */
export function isFileDrag(event: { dataTransfer: DataTransfer | null }): boolean {
  return [...(event.dataTransfer?.types ?? [])].includes("Files");
}
