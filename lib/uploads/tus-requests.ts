// tus 1.0 requests as tus-js-client sends them, for tests and benchmarks that drive the endpoint in-process.

const TUS = { "Tus-Resumable": "1.0.0" };

/** `Upload-Metadata`: comma-separated `key base64(value)` pairs. */
export function tusMetadata(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([key, value]) => `${key} ${Buffer.from(value).toString("base64")}`)
    .join(",");
}

/** The creation POST for an upload of `size` bytes. */
export function tusCreate(origin: string, size: number, metadata: Record<string, string>): Request {
  return new Request(`${origin}/api/uploads`, {
    method: "POST",
    headers: { ...TUS, "Upload-Length": String(size), "Upload-Metadata": tusMetadata(metadata) },
  });
}

/** The absolute upload URL a creation answer points to. */
export function tusLocation(origin: string, created: Response): string {
  return new URL(created.headers.get("location")!, `${origin}/api/uploads/`).toString();
}

export function tusHead(location: string): Request {
  return new Request(location, { method: "HEAD", headers: TUS });
}

/** Cancels an upload (tus termination). */
export function tusDelete(location: string): Request {
  return new Request(location, { method: "DELETE", headers: TUS });
}

/** A PATCH carrying `body` at `offset` (a stream needs its `length`). */
export function tusPatch(
  location: string,
  offset: number,
  body: string | Uint8Array | ReadableStream<Uint8Array>,
  length?: number,
): Request {
  return new Request(location, {
    method: "PATCH",
    headers: {
      ...TUS,
      "Upload-Offset": String(offset),
      "Content-Type": "application/offset+octet-stream",
      ...(length === undefined ? {} : { "Content-Length": String(length) }),
    },
    body: body as BodyInit,
    ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
  } as RequestInit);
}
