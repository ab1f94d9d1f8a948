const QUOTE = 0x22;
const LF = 0x0a;

/** Where a scan of delimited text stands: inside a quoted value or not, and the last record end seen. */
export type BoundaryScan = { inQuotes: boolean; lastEnd: number };

/**
 * Scans `bytes` (text starting `offset` bytes into a file, `inQuotes` as the text before left it)
 * for the last place a record ends: just after a line feed outside quotes, by RFC 4180 quoting
 * with `"` (a doubled quote inside a value flips the state twice, so counting quotes is exact).
 * Returns the state at the end and that end (absolute, or the previous `lastEnd` when none).
 * Costs one memchr per quote, so text without quotes costs one search per block.
 */
export function scanRecordEnds(bytes: Uint8Array, offset: number, from: BoundaryScan): BoundaryScan {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let { inQuotes, lastEnd } = from;
  let position = 0;
  while (position <= buffer.length) {
    const quote = buffer.indexOf(QUOTE, position);
    const stretchEnd = quote === -1 ? buffer.length : quote;
    if (!inQuotes && stretchEnd > position) {
      const lf = buffer.lastIndexOf(LF, stretchEnd - 1);
      if (lf >= position) lastEnd = offset + lf + 1;
    }
    if (quote === -1) break;
    inQuotes = !inQuotes;
    position = quote + 1;
  }
  return { inQuotes, lastEnd };
}
