"use client";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { toast } from "sonner";
import type { Result } from "@/lib/util/result";

/** Shows a toast for an action's result and follows `data.url` on success. */
export function useActionResult<T>(result: Result<T> | null | undefined, success?: string) {
  const router = useRouter();
  useEffect(() => {
    if (!result) return;
    if (!result.ok) {
      toast.error(result.message);
      return;
    }
    if (success) toast.success(success);
    const url = (result.data as { url?: string } | undefined)?.url;
    if (url) router.push(url);
    else router.refresh();
  }, [result, router, success]);
}

export function fieldError<T>(result: Result<T> | null | undefined, field: string): string | undefined {
  return result && !result.ok ? result.fieldErrors?.[field] : undefined;
}
