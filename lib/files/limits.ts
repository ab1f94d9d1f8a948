import "server-only";

function bytesFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value <= 0)
    throw new Error(`${name} must be a positive whole number of bytes, got "${raw}".`);
  return value;
}

/** Largest single upload (the tus endpoint enforces the same UPLOAD_MAX_BYTES). Default 10 GiB. */
export function uploadMaxBytes(): number {
  return bytesFromEnv("UPLOAD_MAX_BYTES", 10 * 1024 ** 3);
}

/** Total bytes of files a workspace may hold, trash included. Default 50 GiB. */
export function workspaceQuotaBytes(): number {
  return bytesFromEnv("FILES_QUOTA_BYTES", 50 * 1024 ** 3);
}

/** Rows per page of a folder listing. */
export const LIST_PAGE_SIZE = 200;
