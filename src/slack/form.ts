import { isAscii } from 'node:buffer';

/**
 * A form body (`application/x-www-form-urlencoded`, what Slack sends for commands and interactions) read in
 * one pass over its bytes, as the WHATWG form parser reads it (what `URLSearchParams` does): fields split at
 * `&`, name and value at the first `=`, `+` is a space, `%XX` a byte, a malformed escape kept as written,
 * the bytes read as UTF-8 with U+FFFD for what is not. Unlike `URLSearchParams`, no list of pairs and no
 * iterator are made: each field goes straight into the object handed on.
 *
 * A form naming a field twice is refused: Slack never sends one, and which of the two a reader would take
 * differs from one reader to the next (`URLSearchParams.get` takes the first, `Object.fromEntries` the last).
 */

export type FormRead = { ok: true; fields: Record<string, string> } | { ok: false; reason: string };

const hex = (c: number): number => (c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x61 && c <= 0x66 ? c - 0x57 : c >= 0x41 && c <= 0x46 ? c - 0x37 : -1);

/** The bytes `raw[start, end)` form-decoded byte by byte, then read as UTF-8: the exact reading, for any input. */
function decodeBytes(raw: Buffer, start: number, end: number): string {
  const out = Buffer.allocUnsafe(end - start);
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = raw[i]!;
    if (c === 0x2b) out[n++] = 0x20;
    else if (c === 0x25 && i + 2 < end && hex(raw[i + 1]!) >= 0 && hex(raw[i + 2]!) >= 0) {
      out[n++] = hex(raw[i + 1]!) * 16 + hex(raw[i + 2]!);
      i += 2;
    } else out[n++] = c;
  }
  return out.toString('utf8', 0, n);
}

/**
 * `text[start, end)` decoded; `text` is the body, ASCII (what Slack sends: it escapes every other byte).
 * `decodeURIComponent` reads valid escapes exactly as the form parser does and throws on any other (a
 * malformed escape, bytes that are not UTF-8): those are decoded byte by byte.
 */
function decode(text: string, raw: Buffer, start: number, end: number): string {
  if (start === end) return '';
  const part = text.slice(start, end);
  const spaced = part.includes('+') ? part.replaceAll('+', ' ') : part;
  if (!spaced.includes('%')) return spaced;
  try {
    return decodeURIComponent(spaced);
  } catch {
    return decodeBytes(raw, start, end);
  }
}

const twice: FormRead = { ok: false, reason: 'a form that names a field twice' };

/** Sets a field; false when the form named it already. */
function put(fields: Record<string, string>, name: string, value: string): boolean {
  if (Object.hasOwn(fields, name)) return false;
  // A plain assignment to `__proto__` would set the object's prototype instead of a field.
  if (name === '__proto__') Object.defineProperty(fields, name, { value, enumerable: true, writable: true, configurable: true });
  else fields[name] = value;
  return true;
}

/**
 * Reads a form body: its fields by name (an own property each, `__proto__` included), or why it is refused.
 * A body with raw bytes over 0x7F (never Slack's) is read as before, its text as UTF-8 through `URLSearchParams`.
 */
export function parseForm(raw: Buffer): FormRead {
  const fields: Record<string, string> = {};
  if (!isAscii(raw)) {
    for (const [name, value] of new URLSearchParams(raw.toString('utf8'))) if (!put(fields, name, value)) return twice;
    return { ok: true, fields };
  }
  return readAscii(raw.toString('latin1'), raw, fields) ? { ok: true, fields } : twice;
}

/** The fields of an ASCII form `text` (`raw`'s bytes) into `fields`; false when a name comes twice. */
function readAscii(text: string, raw: Buffer, fields: Record<string, string>): boolean {
  let start = 0;
  // The next `=` at or after `start`, found once and kept while fields without one go by: each byte is looked at once.
  let eq = -1;
  while (start <= text.length) {
    let end = text.indexOf('&', start);
    if (end < 0) end = text.length;
    if (end > start) {
      if (eq < start) eq = text.indexOf('=', start) >>> 0;
      const eqOrEnd = eq >= 0 && eq < end ? eq : end;
      if (!put(fields, decode(text, raw, start, eqOrEnd), eqOrEnd === end ? '' : decode(text, raw, eqOrEnd + 1, end))) return false;
    }
    start = end + 1;
  }
  return true;
}
