/**
 * Cookies whose content the browser holds but cannot read or change: an encrypted and
 * authenticated JWT (JWE, `dir` + A256GCM) under a key derived from SESSION_SECRET. No store on
 * the server, so any replica opens any cookie; rotating the secret makes every cookie unreadable,
 * which signs everyone out and changes nothing else. Each use derives its own key, so a cookie
 * made for one purpose never opens as another.
 */
import { hkdfSync } from 'node:crypto';
import { EncryptJWT, jwtDecrypt, type JWTPayload } from 'jose';

export interface CookieSealer<T extends JWTPayload> {
  seal: (payload: T, ttlSeconds: number) => Promise<string>;
  /** The payload, or null when the cookie is missing, tampered with, expired or from another key. */
  open: (token: string | undefined) => Promise<T | null>;
}

export function cookieSealer<T extends JWTPayload>(
  secret: string,
  purpose: string,
): CookieSealer<T> {
  const key = new Uint8Array(hkdfSync('sha256', secret, '', `sigmamind-dashboard ${purpose}`, 32));
  return {
    seal: (payload, ttlSeconds) =>
      new EncryptJWT(payload)
        .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', typ: purpose })
        .setIssuedAt()
        .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
        .encrypt(key),
    open: async (token) => {
      if (!token || token.length > 8192) return null;
      try {
        const { payload, protectedHeader } = await jwtDecrypt<T>(token, key, {
          keyManagementAlgorithms: ['dir'],
          contentEncryptionAlgorithms: ['A256GCM'],
          requiredClaims: ['exp'],
        });
        return protectedHeader.typ === purpose ? payload : null;
      } catch {
        return null;
      }
    },
  };
}
