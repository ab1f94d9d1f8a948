"use client";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { DetailedError, Upload } from "tus-js-client";
import { Button } from "@/components/ui/button";
import { formatBytes } from "@/lib/util/format";

type UploadTarget = { workspaceId: string; mode: "create" | "append" | "replace"; datasetId?: string };

type State =
  | { status: "idle" }
  | { status: "uploading" | "paused"; sent: number; total: number }
  | { status: "processing"; total: number }
  | { status: "error"; message: string };

const CHUNK_BYTES = 5 * 1024 * 1024;
const ACCEPT = ".csv,.tsv,.tab,.json,.jsonl,.ndjson,.parquet,.pq";

/** The server's message from a failed tus request (our JSON error shape), or a plain one. */
function messageOf(error: Error | DetailedError): string {
  const response = error instanceof DetailedError ? error.originalResponse : null;
  if (response) {
    try {
      const body = JSON.parse(response.getBody()) as { error?: string };
      if (body.error) return body.error;
    } catch {
      // not JSON: fall through
    }
    if (response.getStatus() === 413) return "The file is larger than uploads may be.";
    return `The upload failed (the server answered ${response.getStatus()}).`;
  }
  return /network|failed to fetch/i.test(error.message)
    ? "The connection was lost. Choose the same file again to resume where it stopped."
    : error.message;
}

/**
 * Uploads a CSV/TSV/JSON/JSON Lines/Parquet file through the tus endpoint (chunked, resumable:
 * choosing the same file again after an interruption continues where it stopped), with a
 * progress bar, pause/resume and cancel. When the server has converted it, the uploader is
 * taken to the review page to confirm the schema.
 */
export function DatasetUpload({ target, label = "Choose a file" }: { target: UploadTarget; label?: string }) {
  const router = useRouter();
  const inputId = useId();
  const uploadRef = useRef<Upload | null>(null);
  const [state, setState] = useState<State>({ status: "idle" });
  const [fileName, setFileName] = useState("");

  useEffect(() => () => void uploadRef.current?.abort(), []);

  async function start(file: File) {
    setFileName(file.name);
    setState({ status: "uploading", sent: 0, total: file.size });
    const upload = new Upload(file, {
      endpoint: "/api/uploads",
      chunkSize: CHUNK_BYTES,
      retryDelays: [0, 1000, 3000, 5000],
      metadata: {
        kind: "dataset",
        filename: file.name,
        workspaceId: target.workspaceId,
        mode: target.mode,
        ...(target.datasetId ? { datasetId: target.datasetId } : {}),
      },
      // The same file for the same target resumes its earlier upload; another target starts afresh.
      fingerprint: async (f) =>
        [
          "datashelf-dataset",
          target.workspaceId,
          target.mode,
          target.datasetId ?? "",
          f.name,
          f.size,
          f.lastModified,
        ].join("/"),
      removeFingerprintOnSuccess: true,
      onProgress: (sent, total) =>
        setState(sent >= total ? { status: "processing", total } : { status: "uploading", sent, total }),
      onSuccess: ({ lastResponse }) => {
        uploadRef.current = null;
        try {
          const result = JSON.parse(lastResponse.getBody()) as { url?: string };
          if (result.url) {
            router.push(result.url);
            return;
          }
        } catch {
          // fall through
        }
        setState({
          status: "error",
          message: "The upload finished but the server did not say where to review it. Reload the page.",
        });
      },
      onError: (error) => {
        uploadRef.current = null;
        setState({ status: "error", message: messageOf(error) });
      },
      // A refusal (bad file, too large, no access) will not change on retry.
      onShouldRetry: (error) => {
        const status = error.originalResponse?.getStatus() ?? 0;
        return status === 0 || status >= 500 || status === 409 || status === 423;
      },
    });
    uploadRef.current = upload;
    const previous = await upload.findPreviousUploads();
    if (previous[0]) upload.resumeFromPreviousUpload(previous[0]);
    upload.start();
  }

  function pause() {
    const upload = uploadRef.current;
    if (!upload || state.status !== "uploading") return;
    void upload.abort();
    setState({ ...state, status: "paused" });
  }

  function resume() {
    if (!uploadRef.current || state.status !== "paused") return;
    setState({ ...state, status: "uploading" });
    uploadRef.current.start();
  }

  async function cancel() {
    const upload = uploadRef.current;
    uploadRef.current = null;
    setState({ status: "idle" });
    setFileName("");
    // Terminating deletes the partial upload on the server too.
    await upload?.abort(true).catch(() => {});
  }

  const busy = state.status === "uploading" || state.status === "paused" || state.status === "processing";
  const percent =
    state.status === "uploading" || state.status === "paused"
      ? Math.floor((state.sent / Math.max(1, state.total)) * 100)
      : state.status === "processing"
        ? 100
        : 0;

  return (
    <div className="space-y-3">
      {!busy ? (
        <div>
          <label htmlFor={inputId} className="block text-sm font-medium text-zinc-700 dark:text-zinc-300">
            {label}
          </label>
          <input
            id={inputId}
            type="file"
            accept={ACCEPT}
            className="mt-1 block w-full text-sm file:mr-3 file:rounded-md file:border file:border-zinc-300 file:bg-white file:px-3 file:py-2 file:text-sm file:font-medium hover:file:bg-zinc-100 dark:file:border-zinc-700 dark:file:bg-zinc-900 dark:file:text-zinc-100"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = "";
              if (file) void start(file);
            }}
          />
          <p className="mt-1 text-xs text-zinc-500">
            CSV, TSV, JSON (an array of objects), JSON Lines or Parquet. The first line of a CSV/TSV names the columns.
          </p>
        </div>
      ) : null}
      {busy ? (
        <div className="space-y-2 rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
          <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
            <span className="min-w-0 truncate font-medium">{fileName}</span>
            <span className="text-zinc-600 dark:text-zinc-400" aria-live="polite">
              {state.status === "processing"
                ? "Uploaded. Reading the file and inferring its schema…"
                : `${percent}% of ${formatBytes(state.total)}${state.status === "paused" ? " (paused)" : ""}`}
            </span>
          </div>
          <div
            role="progressbar"
            aria-label={`Uploading ${fileName}`}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            className="h-2 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
          >
            <div
              className={`h-full rounded-full bg-brand-600 transition-[width] ${state.status === "processing" ? "animate-pulse" : ""}`}
              style={{ width: `${percent}%` }}
            />
          </div>
          {state.status !== "processing" ? (
            <div className="flex gap-2">
              {state.status === "paused" ? (
                <Button variant="secondary" onClick={resume}>
                  Resume
                </Button>
              ) : (
                <Button variant="secondary" onClick={pause}>
                  Pause
                </Button>
              )}
              <Button variant="ghost" onClick={() => void cancel()}>
                Cancel upload
              </Button>
            </div>
          ) : null}
        </div>
      ) : null}
      {state.status === "error" ? (
        <div
          role="alert"
          className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/40 dark:text-red-300"
        >
          <p className="font-medium">{fileName ? `${fileName} could not be used` : "The upload failed"}</p>
          <p className="mt-1">{state.message}</p>
        </div>
      ) : null}
    </div>
  );
}
