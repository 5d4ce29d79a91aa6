/**
 * Cookies whose content the browser holds but cannot read or change: an encrypted and
 * authenticated JWT (JWE, `dir` + A256GCM) under a key derived from SESSION_SECRET. No store on
 * the server, so any replica opens any cookie.
 *
 * SESSION_SECRET may be a comma list, for rotation without downtime: the first secret seals,
 * every one opens. A cookie no listed secret opens is refused (which signs that person out),
 * and `inspect` says so apart from a missing, damaged or expired cookie. Each use derives its
 * own key, so a cookie made for one purpose never opens as another.
 */
import { hkdfSync } from 'node:crypto';
import { decodeProtectedHeader, EncryptJWT, errors, jwtDecrypt, type JWTPayload } from 'jose';

/** Why a cookie did not open. */
export type Unopened = 'missing' | 'damaged' | 'expired' | 'other-secret';

/** `keyIndex`: which secret of the list opened it (0: the one that seals now). */
export type Opened<T> =
  | { ok: true; payload: T; iat: number; exp: number; keyIndex: number }
  | { ok: false; why: Unopened };

export interface CookieSealer<T extends JWTPayload> {
  /** `issuedAt` (seconds): keep a re-sealed cookie's original issue time. */
  seal: (payload: T, ttlSeconds: number, issuedAt?: number) => Promise<string>;
  /** The payload, or null when the cookie is missing, tampered with, expired or from another key. */
  open: (token: string | undefined) => Promise<T | null>;
  /** The payload and when it was sealed, or why it did not open. */
  inspect: (token: string | undefined) => Promise<Opened<T>>;
}

const MAX_TOKEN_LENGTH = 8192;

function keyFor(secret: string, purpose: string): Uint8Array {
  return new Uint8Array(hkdfSync('sha256', secret, '', `sigmamind-dashboard ${purpose}`, 32));
}

export function cookieSealer<T extends JWTPayload>(
  secrets: string | readonly string[],
  purpose: string,
): CookieSealer<T> {
  const list = typeof secrets === 'string' ? [secrets] : [...secrets];
  if (list.length === 0) throw new Error('cookieSealer needs at least one secret');
  const keys = list.map((secret) => keyFor(secret, purpose));
  const sealingKey = keys[0] as Uint8Array;

  async function inspect(token: string | undefined): Promise<Opened<T>> {
    if (!token) return { ok: false, why: 'missing' };
    if (token.length > MAX_TOKEN_LENGTH) return { ok: false, why: 'damaged' };
    try {
      if (decodeProtectedHeader(token).typ !== purpose) return { ok: false, why: 'damaged' };
    } catch {
      return { ok: false, why: 'damaged' };
    }
    let why: Unopened = 'other-secret';
    for (const [keyIndex, key] of keys.entries()) {
      try {
        const { payload } = await jwtDecrypt<T>(token, key, {
          keyManagementAlgorithms: ['dir'],
          contentEncryptionAlgorithms: ['A256GCM'],
          requiredClaims: ['exp', 'iat'],
        });
        return { ok: true, payload, iat: payload.iat ?? 0, exp: payload.exp ?? 0, keyIndex };
      } catch (error) {
        // The key fitted (the tag verified) but the claims did not: no other key will do better.
        if (error instanceof errors.JWTExpired) return { ok: false, why: 'expired' };
        if (error instanceof errors.JWTClaimValidationFailed) return { ok: false, why: 'damaged' };
        if (!(error instanceof errors.JWEDecryptionFailed)) why = 'damaged';
      }
    }
    return { ok: false, why };
  }

  return {
    seal: (payload, ttlSeconds, issuedAt) =>
      new EncryptJWT(payload)
        .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', typ: purpose })
        .setIssuedAt(issuedAt)
        .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
        .encrypt(sealingKey),
    open: async (token) => {
      const opened = await inspect(token);
      return opened.ok ? opened.payload : null;
    },
    inspect,
  };
}
