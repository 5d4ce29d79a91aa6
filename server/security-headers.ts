/**
 * Headers every response carries, /v1 answers, 404s and refusals included. The policy allows
 * only this origin's scripts and styles (the Vite build links its CSS and JS as files, and
 * React sets `style` through the CSSOM, which CSP does not restrict), and requires Trusted
 * Types for script sinks: nothing here writes HTML through `innerHTML`, so any attempt is a bug
 * or an attack. Forms may post to this origin, and to the identity provider's (sign-out
 * redirects there); HSTS is sent when the public URL is https.
 */
import type { MiddlewareHandler } from 'hono';

export interface SecurityHeaderOptions {
  /** PUBLIC_URL; https turns on Strict-Transport-Security. */
  publicUrl?: string | null;
  /** Extra origins a form submission may end up at (the identity provider's). */
  formActionOrigins?: string[];
}

export function securityHeadersFor({
  publicUrl = null,
  formActionOrigins = [],
}: SecurityHeaderOptions = {}): Readonly<Record<string, string>> {
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    ["form-action 'self'", ...formActionOrigins].join(' '),
    "frame-ancestors 'none'",
    "require-trusted-types-for 'script'",
  ].join('; ');
  const headers: Record<string, string> = {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
  if (publicUrl?.startsWith('https:')) {
    headers['Strict-Transport-Security'] = 'max-age=31536000; includeSubDomains';
  }
  return headers;
}

/** The headers of a server without sign-in on plain http (what the tests of serve.ts check). */
export const SECURITY_HEADERS = securityHeadersFor();

export function securityHeaders(headers = SECURITY_HEADERS): MiddlewareHandler {
  return async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
  };
}
