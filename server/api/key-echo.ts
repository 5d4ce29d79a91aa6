/**
 * Defence in depth: an upstream that reflects the key must not hand it to the browser. The key
 * can come back written differently from how it went out, JSON-escaped (`\/`, `\u0041`), so a
 * JSON body is also searched after decoding, string by string, names included.
 */
import { parseJsonBody } from './agents-allow-list.ts';

export function echoesKey(headers: Headers, body: Buffer, key: string): boolean {
  if (!key) return false;
  if ([...headers.values()].some((value) => value.includes(key))) return true;
  if (body.includes(key)) return true;
  // Every escaped spelling needs a backslash; without one the raw search above was enough.
  if (!body.includes(0x5c)) return false;
  let parsed: unknown;
  try {
    parsed = parseJsonBody(body);
  } catch {
    return false;
  }
  return containsString(parsed, key);
}

function containsString(value: unknown, key: string): boolean {
  if (typeof value === 'string') return value.includes(key);
  if (Array.isArray(value)) return value.some((item) => containsString(item, key));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).some(
      ([name, child]) => name.includes(key) || containsString(child, key),
    );
  }
  return false;
}
