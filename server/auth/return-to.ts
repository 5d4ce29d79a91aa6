/**
 * Where to land after signing in: the link that was opened, checked to be a path on this
 * origin, so `?returnTo=https://evil.example` or `//evil.example` can never send anyone away.
 */

const FALLBACK = '/';

export function safeReturnTo(value: string | null | undefined, publicUrl: string): string {
  if (!value || value.length > 8192 || !value.startsWith('/') || /^\/[/\\]/.test(value)) {
    return FALLBACK;
  }
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\x00-\x1f\\]/.test(value)) return FALLBACK;
  let url: URL;
  try {
    url = new URL(value, publicUrl);
  } catch {
    return FALLBACK;
  }
  if (url.origin !== new URL(publicUrl).origin) return FALLBACK;
  // Auth routes would loop; the rest of the app is fair.
  if (url.pathname.startsWith('/auth/')) return FALLBACK;
  return `${url.pathname}${url.search}`;
}
