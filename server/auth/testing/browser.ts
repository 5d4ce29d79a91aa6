/**
 * Just enough of a browser for the server's sign-in tests: a cookie jar for one origin that
 * drops what a browser drops (a cookie over 4096 bytes), and a round trip through the provider.
 */
import { expect } from 'vitest';

/** A browser keeps no cookie whose name and value exceed this (RFC 6265bis). */
export const BROWSER_COOKIE_LIMIT = 4096;

export class Jar {
  cookies = new Map<string, string>();
  take(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at);
      const value = pair.slice(at + 1);
      if (/max-age=0/i.test(line) || value === '') this.cookies.delete(name);
      else if (name.length + value.length <= BROWSER_COOKIE_LIMIT) this.cookies.set(name, value);
    }
  }
  header() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

export function client(baseUrl: () => string) {
  async function get(path: string, jar: Jar, headers: Record<string, string> = {}) {
    const response = await fetch(new URL(path, baseUrl()), {
      redirect: 'manual',
      headers: { Accept: 'text/html', Cookie: jar.header(), ...headers },
    });
    jar.take(response);
    return response;
  }

  /** Starts a sign-in at `path` and comes back from the provider: the callback's path and query. */
  async function throughProvider(path: string, jar: Jar) {
    const start = await get(path, jar);
    expect(start.status).toBe(302);
    const authorize = new URL(start.headers.get('location') ?? '');
    const back = await fetch(authorize, { redirect: 'manual' });
    const callback = new URL(back.headers.get('location') ?? '');
    return { authorize, callback: `${callback.pathname}${callback.search}` };
  }

  /** Opens `path` signed out and follows the round trip through the provider. */
  async function signIn(path: string, jar = new Jar()) {
    const { authorize, callback } = await throughProvider(path, jar);
    const landing = await get(callback, jar);
    return { landing, jar, authorize, callback };
  }

  return { get, throughProvider, signIn };
}
