import { formatNumber } from "@/lib/util/format";

// Sizes have one format (lib/util/format.ts); services import it from here too.
export { formatBytes } from "@/lib/util/format";

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}
