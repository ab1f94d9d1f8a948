"use client";
import { useRef, useState, useSyncExternalStore, type DragEvent } from "react";
import * as tus from "tus-js-client";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { formatBytes, formatNumber } from "@/lib/util/format";

const UPLOAD_ENDPOINT = "/api/uploads";
const CHUNK_BYTES = 8 * 1024 * 1024;

type Item = {
  key: string;
  name: string;
  size: number;
  sent: number;
  state: "waiting" | "sending" | "received" | "failed";
  error?: string;
};

type Queued = { item: Item; file: File; uploader: string };

/** Why the server refused an upload, from its JSON error body, or a plain-language network message. */
function messageOf(error: Error): string {
  const response = (error as tus.DetailedError).originalResponse;
  if (response) {
    try {
      const body = JSON.parse(response.getBody()) as { error?: string };
      if (body.error) return body.error === "This link is not available." ? "This file request has ended." : body.error;
    } catch {
      // not JSON: fall through
    }
    return `The server refused the upload (${response.getStatus()}).`;
  }
  return "The connection was lost. Choose the file again to continue where it stopped.";
}

// sessionStorage as a store React can read during render (the server renders the fallback).
const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};
function useSessionValue(key: string, fallback: string): string {
  return useSyncExternalStore(
    subscribe,
    () => sessionStorage.getItem(key) ?? fallback,
    () => fallback,
  );
}
function setSessionValue(key: string, value: string) {
  sessionStorage.setItem(key, value);
  for (const listener of listeners) listener();
}

const NAME_KEY = "datashelf:uploader-name";

/**
 * The drop zone of a file request's page: each file goes through tus (resumable, in chunks), one
 * after another, authorised by the request's link (the Upload-Link header), never a session.
 */
export function RequestUpload({
  token,
  maxFileBytes,
  signedInAs,
}: {
  token: string;
  maxFileBytes: number;
  signedInAs: string | null;
}) {
  const [items, setItems] = useState<Item[]>([]);
  const storedName = useSessionValue(NAME_KEY, "");
  const [typedName, setTypedName] = useState<string | null>(null);
  const name = typedName ?? storedName;
  const [nameError, setNameError] = useState<string>();
  const [dragging, setDragging] = useState(false);
  // Files received in this browser tab for this request: all a visitor ever learns of what arrived.
  const countKey = `datashelf:file-request:${token.slice(0, 12)}`;
  const received = Number(useSessionValue(countKey, "0"));
  const queue = useRef<Queued[]>([]);
  const busy = useRef(false);
  const input = useRef<HTMLInputElement>(null);

  const update = (key: string, patch: Partial<Item>) =>
    setItems((all) => all.map((i) => (i.key === key ? { ...i, ...patch } : i)));

  const sendOne = ({ item, file, uploader }: Queued) =>
    new Promise<void>((resolve) => {
      update(item.key, { state: "sending" });
      const upload = new tus.Upload(file, {
        endpoint: UPLOAD_ENDPOINT,
        chunkSize: CHUNK_BYTES,
        retryDelays: [0, 1000, 3000, 5000],
        headers: { "Upload-Link": token },
        metadata: { kind: "filerequest", name: file.name, uploader, filetype: file.type },
        fingerprint: async () =>
          ["datashelf-request", token.slice(0, 12), file.name, file.size, file.lastModified].join("|"),
        storeFingerprintForResuming: true,
        removeFingerprintOnSuccess: true,
        // Refusals (too large, request full or ended, a bad name) will not get better by retrying.
        onShouldRetry: (error) => {
          const status = error.originalResponse?.getStatus() ?? 0;
          return status === 0 || status === 423 || status === 429 || status >= 500;
        },
        onProgress: (sent) => update(item.key, { sent }),
        onSuccess: () => {
          update(item.key, { state: "received", sent: file.size });
          setSessionValue(countKey, String(Number(sessionStorage.getItem(countKey) ?? 0) + 1));
          resolve();
        },
        onError: (error) => {
          update(item.key, { state: "failed", error: messageOf(error) });
          resolve();
        },
      });
      void upload
        .findPreviousUploads()
        .then((previous) => {
          if (previous[0]) upload.resumeFromPreviousUpload(previous[0]);
          upload.start();
        })
        .catch(() => upload.start());
    });

  // One file at a time, in the order chosen.
  const drain = async () => {
    if (busy.current) return;
    busy.current = true;
    for (let next = queue.current.shift(); next; next = queue.current.shift()) await sendOne(next);
    busy.current = false;
  };

  const add = (files: FileList | File[]) => {
    const uploader = signedInAs ? "" : name.trim();
    if (!signedInAs && !uploader) {
      setNameError("Enter your name, so the requester knows who sent the files.");
      return;
    }
    setNameError(undefined);
    if (!signedInAs) setSessionValue(NAME_KEY, uploader);
    const added: Item[] = [];
    for (const file of Array.from(files)) {
      const item: Item = {
        key: `${Date.now()}-${Math.random()}`,
        name: file.name,
        size: file.size,
        sent: 0,
        state: "waiting",
      };
      if (file.size > maxFileBytes) {
        added.push({
          ...item,
          state: "failed",
          error: `"${file.name}" is ${formatBytes(file.size)}; this request takes files up to ${formatBytes(maxFileBytes)}.`,
        });
        continue;
      }
      added.push(item);
      queue.current.push({ item, file, uploader });
    }
    setItems((all) => [...all, ...added]);
    void drain();
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    if (event.dataTransfer.files.length) add(event.dataTransfer.files);
  };

  return (
    <div className="space-y-5">
      {signedInAs ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Your files are sent as <strong>{signedInAs}</strong>.
        </p>
      ) : (
        <TextField
          label="Your name"
          hint="Shown to the requester with your files."
          value={name}
          maxLength={100}
          autoComplete="name"
          error={nameError}
          onChange={(e) => setTypedName(e.target.value)}
        />
      )}
      <div
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={`flex flex-col items-center gap-3 rounded-lg border-2 border-dashed px-6 py-10 text-center ${
          dragging ? "border-brand-500 bg-brand-50 dark:bg-brand-950/30" : "border-zinc-300 dark:border-zinc-700"
        }`}
      >
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Drop files here, or</p>
        <Button onClick={() => input.current?.click()}>Choose files</Button>
        <input
          ref={input}
          type="file"
          multiple
          className="sr-only"
          aria-label="Files to send"
          data-testid="request-file-input"
          onChange={(e) => {
            if (e.target.files?.length) add(e.target.files);
            e.target.value = "";
          }}
        />
      </div>
      <p role="status" className="text-sm font-medium">
        {received === 0
          ? "No files sent from this browser session yet."
          : `${formatNumber(received)} ${received === 1 ? "file" : "files"} received in this browser session.`}
      </p>
      {items.length > 0 && (
        <ul className="divide-y divide-zinc-200 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
          {items.map((item) => (
            <li key={item.key} className="space-y-1 px-3 py-2 text-sm">
              <div className="flex items-center justify-between gap-3">
                <span className="truncate font-medium">{item.name}</span>
                <span className="shrink-0 text-xs text-zinc-500">
                  {item.state === "received"
                    ? "Received"
                    : item.state === "failed"
                      ? "Not sent"
                      : item.state === "waiting"
                        ? "Waiting"
                        : `${formatBytes(item.sent)} of ${formatBytes(item.size)}`}
                </span>
              </div>
              {item.state === "sending" && (
                <progress
                  className="h-1.5 w-full"
                  max={Math.max(item.size, 1)}
                  value={item.sent}
                  aria-label={`Sending ${item.name}`}
                />
              )}
              {item.error && (
                <p role="alert" className="text-red-600 dark:text-red-400">
                  {item.error}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
