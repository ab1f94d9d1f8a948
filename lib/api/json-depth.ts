/** The deepest JSON body any route accepts (objects and arrays inside each other). */
import { numberSetting } from "@/lib/config/number-settings";
export const MAX_JSON_DEPTH = numberSetting("API_MAX_JSON_DEPTH");

/** How deeply arrays and objects nest in JSON text (0 for a scalar), without parsing it. */
export function textDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c)
        i++; // backslash: skip the escaped character
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x5b || ch === 0x7b) max = Math.max(max, ++depth);
    else if (ch === 0x5d || ch === 0x7d) depth--;
  }
  return max;
}

/** How deeply arrays and objects nest in a parsed value (0 for a scalar); iterative, so any depth is safe. */
export function valueDepth(value: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (item === null || typeof item !== "object") continue;
    max = Math.max(max, depth + 1);
    for (const child of Array.isArray(item) ? item : Object.values(item)) stack.push([child, depth + 1]);
  }
  return max;
}
