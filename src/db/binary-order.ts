/**
 * Orders as SQLite's BINARY collation does: by the texts' UTF-8 bytes, which is the order of their code points.
 * At the first UTF-16 code unit where they differ, that is the units' order when both are below U+D800 (the same
 * characters before it); a surrogate (a character beyond U+FFFF) or a unit above it, the bytes decide. A prefix
 * comes first. The sort of a search's matches calls it for every tie (a plan repeats its texts: many): a loop
 * over the few characters of two refs, not two regular expressions over both. The import orders the agency and
 * priority counts it writes by it, as the SQL aggregate they replace wrote them.
 */
export function binaryOrder(x: string, y: string): number {
  if (x === y) return 0;
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const a = x.charCodeAt(i);
    const b = y.charCodeAt(i);
    if (a !== b) return a < 0xd800 && b < 0xd800 ? (a < b ? -1 : 1) : Buffer.compare(Buffer.from(x), Buffer.from(y));
  }
  return x.length < y.length ? -1 : 1;
}
