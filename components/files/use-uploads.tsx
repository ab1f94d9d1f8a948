"use client";
import { useQueryClient } from "@tanstack/react-query";
import { createContext, type ReactNode, useCallback, useContext, useEffect, useRef, useState } from "react";
import * as tus from "tus-js-client";
import type { ClashPolicy, UploadOutcome } from "@/lib/files/entry-types";
import { filesKeys } from "./api";

const UPLOAD_ENDPOINT = "/api/uploads";
const CHUNK_BYTES = 8 * 1024 * 1024;
const PARALLEL = 3;

export type PickedFile = { file: File; relativePath: string };

type UploadStatus = "queued" | "uploading" | "done" | "skipped" | "error" | "cancelled";

export type UploadItem = {
  key: string;
  name: string;
  relativePath: string;
  folderId: string;
  size: number;
  sent: number;
  status: UploadStatus;
  onClash: ClashPolicy;
  /** set when an earlier, interrupted upload of the same file was continued */
  resumedFrom?: number;
  error?: string;
  outcome?: UploadOutcome;
};

/** An upload begun in an earlier page load that did not finish (kept by tus-js-client in localStorage). */
export type InterruptedUpload = {
  storageKey: string;
  uploadUrl: string | null;
  name: string;
  relativePath: string;
  folderId: string;
  size: number | null;
  onClash: ClashPolicy;
};

/** Why the server refused an upload, from its JSON error body, or a plain-language network message. */
function messageOf(error: Error): string {
  const response = (error as tus.DetailedError).originalResponse;
  if (response) {
    try {
      const body = JSON.parse(response.getBody()) as { error?: string };
      if (body.error) return body.error;
    } catch {
      // not JSON: fall through
    }
    return `The server refused the upload (${response.getStatus()}).`;
  }
  return "The connection was lost. Retry to continue where it stopped.";
}

// Resumable across reloads: the same file to the same place continues the earlier upload.
const fingerprintOf = (folderId: string, relativePath: string) => async (file: File) =>
  ["datashelf", folderId, relativePath, file.size, file.lastModified].join("|");

/**
 * The upload queue: each file goes through the one tus endpoint in chunks (PARALLEL at a time),
 * with per-file progress, cancel, retry, and resume after a network drop (automatic retries) or
 * a page reload (choose the same file again). Every finished upload refreshes the listings.
 */
function useUploads() {
  const client = useQueryClient();
  const [items, setItems] = useState<UploadItem[]>([]);
  const [interrupted, setInterrupted] = useState<InterruptedUpload[]>([]);
  const files = useRef(new Map<string, File>());
  const running = useRef(new Map<string, tus.Upload>());
  const itemsRef = useRef(items);
  useEffect(() => {
    itemsRef.current = items;
  }, [items]);

  const patch = useCallback((key: string, change: Partial<UploadItem>) => {
    setItems((all) => all.map((item) => (item.key === key ? { ...item, ...change } : item)));
  }, []);

  const refreshInterrupted = useCallback(async () => {
    if (!tus.canStoreURLs) return;
    const stored = await tus.defaultOptions.urlStorage.findAllUploads();
    const active = new Set(
      itemsRef.current
        .filter((i) => i.status === "uploading" || i.status === "queued")
        .map((i) => `${i.folderId}|${i.relativePath}`),
    );
    setInterrupted(
      stored
        .filter(
          (u) =>
            u.metadata?.kind === "file" &&
            u.metadata.folderId &&
            !active.has(`${u.metadata.folderId}|${u.metadata.relativePath ?? u.metadata.name}`),
        )
        .map((u) => ({
          storageKey: u.urlStorageKey,
          uploadUrl: u.uploadUrl,
          name: u.metadata.name ?? "",
          relativePath: u.metadata.relativePath || u.metadata.name || "",
          folderId: u.metadata.folderId!,
          size: u.size,
          onClash: (u.metadata.onClash as ClashPolicy) || "keep-both",
        })),
    );
  }, []);

  useEffect(() => {
    void refreshInterrupted();
  }, [refreshInterrupted]);

  const start = useCallback(
    (item: UploadItem) => {
      const file = files.current.get(item.key);
      if (!file) return;
      patch(item.key, { status: "uploading", error: undefined });
      const upload = new tus.Upload(file, {
        endpoint: UPLOAD_ENDPOINT,
        chunkSize: CHUNK_BYTES,
        retryDelays: [0, 1000, 3000, 5000, 10000],
        metadata: {
          kind: "file",
          folderId: item.folderId,
          name: item.name,
          relativePath: item.relativePath,
          onClash: item.onClash,
          filetype: file.type,
        },
        fingerprint: fingerprintOf(item.folderId, item.relativePath),
        storeFingerprintForResuming: true,
        removeFingerprintOnSuccess: true,
        // Client errors (too large, over quota, read-only, bad name) will not get better by retrying.
        onShouldRetry: (error) => {
          const status = error.originalResponse?.getStatus() ?? 0;
          return status === 0 || status === 409 || status === 423 || status === 429 || status >= 500;
        },
        // A resumed upload's first progress report is at the offset it continues from.
        onProgress: (sent) =>
          setItems((all) =>
            all.map((i) =>
              i.key === item.key ? { ...i, sent, resumedFrom: i.resumedFrom === -1 ? sent : i.resumedFrom } : i,
            ),
          ),
        onSuccess: ({ lastResponse }) => {
          running.current.delete(item.key);
          let outcome: UploadOutcome | undefined;
          try {
            outcome = JSON.parse(lastResponse.getBody()) as UploadOutcome;
          } catch {
            outcome = undefined;
          }
          files.current.delete(item.key);
          patch(item.key, { status: outcome?.status === "skipped" ? "skipped" : "done", sent: item.size, outcome });
          void client.invalidateQueries({ queryKey: filesKeys.all });
          void refreshInterrupted();
        },
        onError: (error) => {
          running.current.delete(item.key);
          patch(item.key, { status: "error", error: messageOf(error) });
        },
      });
      running.current.set(item.key, upload);
      void upload.findPreviousUploads().then((previous) => {
        const earlier = previous.find((p) => p.uploadUrl);
        if (earlier) {
          upload.resumeFromPreviousUpload(earlier);
          patch(item.key, { resumedFrom: -1 }); // the offset is known at the first progress report
        }
        upload.start();
      });
    },
    [client, patch, refreshInterrupted],
  );

  // Keep PARALLEL uploads running while there are queued ones.
  useEffect(() => {
    const active = items.filter((i) => i.status === "uploading").length;
    const queued = items.filter((i) => i.status === "queued");
    for (const item of queued.slice(0, Math.max(0, PARALLEL - active))) start(item);
  }, [items, start]);

  const add = useCallback((picked: PickedFile[], folderId: string, onClash: ClashPolicy) => {
    const added = picked.map(({ file, relativePath }) => {
      const key = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
      files.current.set(key, file);
      return {
        key,
        name: file.name,
        relativePath,
        folderId,
        size: file.size,
        sent: 0,
        status: "queued" as const,
        onClash,
      };
    });
    setItems((all) => [...all, ...added]);
  }, []);

  const cancel = useCallback(
    (key: string) => {
      const upload = running.current.get(key);
      running.current.delete(key);
      files.current.delete(key);
      // Terminating deletes the staged bytes on the server; nothing of it becomes a file.
      void upload
        ?.abort(true)
        .catch(() => {})
        .finally(() => void refreshInterrupted());
      patch(key, { status: "cancelled" });
    },
    [patch, refreshInterrupted],
  );

  const retry = useCallback((key: string) => patch(key, { status: "queued", error: undefined }), [patch]);

  const clearFinished = useCallback(() => {
    setItems((all) => all.filter((i) => i.status === "uploading" || i.status === "queued" || i.status === "error"));
  }, []);

  const discardInterrupted = useCallback(
    async (upload: InterruptedUpload) => {
      if (upload.uploadUrl) await tus.Upload.terminate(upload.uploadUrl).catch(() => {});
      await tus.defaultOptions.urlStorage.removeUpload(upload.storageKey).catch(() => {});
      await refreshInterrupted();
    },
    [refreshInterrupted],
  );

  const counted = items.filter((i) => i.status !== "cancelled" && i.status !== "skipped");
  const total = {
    bytes: counted.reduce((s, i) => s + i.size, 0),
    sent: counted.reduce((s, i) => s + Math.min(i.sent, i.size), 0),
  };
  return { items, total, interrupted, add, cancel, retry, clearFinished, discardInterrupted, refreshInterrupted };
}

export type Uploads = ReturnType<typeof useUploads>;

const UploadsContext = createContext<Uploads | null>(null);

/** Keeps the upload queue alive while the user moves between folders (wraps the files pages). */
export function UploadsProvider({ children }: { children: ReactNode }) {
  return <UploadsContext.Provider value={useUploads()}>{children}</UploadsContext.Provider>;
}

/** The upload queue of the enclosing UploadsProvider; null where uploading is not offered (link pages). */
export function useUploadsContext(): Uploads | null {
  return useContext(UploadsContext);
}
