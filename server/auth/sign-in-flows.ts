/**
 * Sign-ins in progress, one sealed cookie each (so two tabs can sign in at once), bounded so
 * abandoned ones can never fill the Cookie header (nginx refuses ~8 kB lines, Node 16 kB
 * headers): starting a sign-in keeps at most the newest MAX_FLOWS, within FLOW_BYTES in all,
 * and deletes the rest. The link to return to travels compressed; one too long to fit in a
 * cookie returns to its path only, so a long link still signs in.
 *
 * Each cookie's name carries when it was started and the start of its `state`:
 * `sm_signin.<ms base36>.<state[0..16]>`, so the newest are known without opening any.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { cookieSealer, type Unopened } from './sealed-cookie.ts';

/** One sign-in in progress. */
export interface SignInFlow {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
}

/** As sealed: `returnTo` raw (`r`) or deflated and base64url-encoded (`z`). */
interface StoredFlow {
  s: string;
  n: string;
  v: string;
  r?: string;
  z?: string;
  [claim: string]: unknown;
}

export const FLOW_SECONDS = 10 * 60;
/** The newest sign-ins kept (this one included). */
export const MAX_FLOWS = 3;
/** All sign-in cookies together, names and values, at most this many bytes. */
export const FLOW_BYTES = 4000;
/** One cookie (name and value) the browser keeps: 4096 in RFC 6265bis, minus a margin. */
const MAX_COOKIE_BYTES = 3900;

export interface FlowCookieOptions {
  secrets: readonly string[];
  /** `__Host-` on https, '' on http. */
  prefix: string;
  cookie: { httpOnly: true; secure: boolean; sameSite: 'Lax'; path: '/' };
  log: (line: string) => void;
}

export type TakenFlow = { ok: true; flow: SignInFlow } | { ok: false; why: Unopened };

export function signInFlows({ secrets, prefix, cookie, log }: FlowCookieOptions) {
  const sealer = cookieSealer<StoredFlow>(secrets, 'sign-in');
  const pattern = new RegExp(`^${prefix}sm_signin\\.([0-9a-z]{1,12})\\.(.{1,16})$`);

  /** This request's sign-in cookies, newest first. */
  function current(c: Context) {
    return Object.entries(getCookie(c))
      .map(([name, value]) => ({ name, value, match: pattern.exec(name) }))
      .filter((entry) => entry.match !== null)
      .map(({ name, value, match }) => ({
        name,
        value,
        started: Number.parseInt(match?.[1] ?? '0', 36),
        state: match?.[2] ?? '',
      }))
      .sort((a, b) => b.started - a.started);
  }

  async function seal(flow: SignInFlow, name: string): Promise<string> {
    const base = { s: flow.state, n: flow.nonce, v: flow.codeVerifier };
    const packed = deflateRawSync(flow.returnTo).toString('base64url');
    const link = packed.length < flow.returnTo.length ? { z: packed } : { r: flow.returnTo };
    const value = await sealer.seal({ ...base, ...link }, FLOW_SECONDS);
    if (name.length + value.length <= MAX_COOKIE_BYTES) return value;
    const path = new URL(flow.returnTo, 'http://x').pathname;
    log(
      `Sign-in: the opened link (${flow.returnTo.length} characters) is too long to carry through sign-in; returning to ${path} instead`,
    );
    return sealer.seal({ ...base, r: path }, FLOW_SECONDS);
  }

  return {
    /** Sets this sign-in's cookie and deletes the oldest ones past the bounds. */
    async save(c: Context, flow: SignInFlow) {
      const name = `${prefix}sm_signin.${Date.now().toString(36)}.${flow.state.slice(0, 16)}`;
      const value = await seal(flow, name);
      let used = name.length + value.length;
      let kept = 1;
      for (const old of current(c)) {
        const size = old.name.length + old.value.length;
        if (kept < MAX_FLOWS && used + size <= FLOW_BYTES) {
          kept += 1;
          used += size;
        } else {
          deleteCookie(c, old.name, cookie);
        }
      }
      setCookie(c, name, value, { ...cookie, maxAge: FLOW_SECONDS });
    },
    /** Opens and deletes the cookie of the sign-in that `state` names. */
    async take(c: Context, state: string): Promise<TakenFlow> {
      const entry = current(c).find((e) => state.length > 0 && e.state === state.slice(0, 16));
      if (!entry) return { ok: false, why: 'missing' };
      deleteCookie(c, entry.name, cookie);
      const opened = await sealer.inspect(entry.value);
      if (!opened.ok) return opened;
      const stored = opened.payload;
      if (stored.s !== state) return { ok: false, why: 'damaged' };
      const returnTo =
        typeof stored.z === 'string'
          ? inflateRawSync(Buffer.from(stored.z, 'base64url')).toString('utf8')
          : (stored.r ?? '/');
      return {
        ok: true,
        flow: { state: stored.s, nonce: stored.n, codeVerifier: stored.v, returnTo },
      };
    },
  };
}
