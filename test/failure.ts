import { toFailure } from "@/lib/util/result";

/** The client-facing failure of a rejected call (code, message), or throws if it succeeded. */
export async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return toFailure(error);
  }
  throw new Error("expected a failure");
}
