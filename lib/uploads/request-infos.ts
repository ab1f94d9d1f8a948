import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import type { KvStore, Upload } from "@tus/server";

const requestInfos = new AsyncLocalStorage<Map<string, Promise<Upload | undefined>>>();

/**
 * Runs one tus request with its own memo of upload infos (the `.json` beside each staged file):
 * the checks before tus, tus's ownership check and tus's own read under the lock each read the
 * same info, three file reads per PATCH otherwise. Rule: nothing is remembered beyond the
 * request (another instance may cancel an upload between two requests), and a write or delete
 * of an info within the request forgets it.
 */
export function withRequestInfos<T>(fn: () => Promise<T>): Promise<T> {
  return requestInfos.run(new Map(), fn);
}

/** `store`, its reads remembered for the length of the request running (withRequestInfos). */
export function rememberedPerRequest(store: KvStore<Upload>): KvStore<Upload> {
  return {
    get(id) {
      const memo = requestInfos.getStore();
      if (!memo) return store.get(id);
      let info = memo.get(id);
      if (!info) {
        info = store.get(id);
        memo.set(id, info);
        info.catch(() => memo.delete(id));
      }
      return info;
    },
    async set(id, value) {
      requestInfos.getStore()?.delete(id);
      await store.set(id, value);
    },
    async delete(id) {
      requestInfos.getStore()?.delete(id);
      await store.delete(id);
    },
    ...(store.list ? { list: () => store.list!() } : {}),
  };
}
