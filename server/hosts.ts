/**
 * Which `Host` this server answers to. A browser page on another site can point its own DNS
 * name at 127.0.0.1 (DNS rebinding) and then read whatever a local server answers for that
 * name; checking `Host` against the names we are really reached by closes that door.
 */
import type { MiddlewareHandler } from 'hono';

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/**
 * `localhost`, 127.0.0.0/8 and ::1, as a listen address or a host name. Not `*.localhost`:
 * such a name is resolved through DNS like any other, so it may point anywhere.
 */
export function isLoopbackHost(host: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  return LOOPBACK_NAMES.has(name) || /^127(?:\.\d{1,3}){3}$/.test(name);
}

export function isLoopbackUrl(url: URL): boolean {
  return isLoopbackHost(url.hostname);
}

/** Splits `name:port` / `[v6]:port`; the name is lower-cased, the port may be empty. */
function splitHost(value: string): { name: string; port: string } {
  const match = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(value.trim().toLowerCase());
  return { name: match?.[1] ?? '', port: match?.[2] ?? '' };
}

/**
 * A predicate over `Host` header values: loopback names on any port, PUBLIC_URL's host, and
 * ALLOWED_HOSTS entries (`name` matches any port, `name:port` only that port).
 */
export function hostAllowList(publicUrl: string | null, allowedHosts: string[]) {
  const exact = new Set<string>();
  const anyPort = new Set<string>();
  if (publicUrl) exact.add(new URL(publicUrl).host.toLowerCase());
  for (const entry of allowedHosts) {
    const { name, port } = splitHost(entry);
    if (port) exact.add(`${name}:${port}`);
    else anyPort.add(name);
  }
  const accepted = [
    'loopback names (localhost, 127.0.0.0/8, [::1]) on any port',
    ...exact,
    ...[...anyPort].map((name) => `${name} on any port`),
  ].join(', ');
  const isAllowed = (hostHeader: string | undefined): boolean => {
    if (!hostHeader) return false;
    const { name, port } = splitHost(hostHeader);
    if (!name) return false;
    if (isLoopbackHost(name)) return true;
    return anyPort.has(name) || exact.has(port ? `${name}:${port}` : name);
  };
  return Object.assign(isAllowed, { accepted });
}

/**
 * Refuses requests for any other `Host` with 421 Misdirected Request, and says in the log which
 * Host arrived and which would be accepted (a proxy that drops the port shows up here).
 */
export function hostCheck(
  isAllowed: ((host: string | undefined) => boolean) & { accepted?: string },
  log: (line: string) => void = () => {},
): MiddlewareHandler {
  return async (c, next) => {
    // A socket request always has the header; `app.fetch` in tests has only the URL.
    const host = c.req.header('Host') ?? new URL(c.req.url).host;
    if (!isAllowed(host)) {
      log(
        `421 for Host ${JSON.stringify(host.slice(0, 256))}: accepted are ${isAllowed.accepted ?? 'the configured names'}. Behind a proxy, pass the Host the browser sent with its port (nginx: proxy_set_header Host $http_host), or add the name to PUBLIC_URL or ALLOWED_HOSTS`,
      );
      return c.text(
        'Misdirected Request: this server does not answer for that host name. Its operator can add it with PUBLIC_URL or ALLOWED_HOSTS.',
        421,
      );
    }
    await next();
  };
}
