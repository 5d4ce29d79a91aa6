/**
 * Sign-in with the team's identity provider (OpenID Connect). Without a session, a page
 * navigation goes to the provider and comes back to exactly the link that was opened; `/v1`
 * answers 401 JSON (never a redirect) so the app can say the session ended and keep its screen.
 * The session is a sealed cookie (sealed-cookie.ts, session-cookie.ts): nothing is stored on the
 * server. Sign-ins in progress are bounded cookies (sign-in-flows.ts); who is admitted is
 * email-policy.ts; what a failure or a refusal says is failure-pages.ts and refusal-pages.ts.
 *
 * Without sign-in configured, only `GET /auth/session` exists (it tells the app whether the
 * data is the sandbox's) and nothing is gated.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { Hono } from 'hono';
import { deleteCookie, generateCookie, getCookie, setCookie } from 'hono/cookie';
import { csrf } from 'hono/csrf';
import { html } from 'hono/html';
import { apiErrorResponse } from '../api/error-response.ts';
import { isApiNamespace } from '../api/request-target.ts';
import type { ServerConfig } from '../config.ts';
import type { AppEnv } from '../app-env.ts';
import { admit, isAllowedEmail } from './email-policy.ts';
import { flowFailure, providerAnswered, providerFailure, type Failure } from './failure-pages.ts';
import { createOidcProvider, redirectUriOf, type OidcProvider } from './oidc.ts';
import { AUTH_PAGE_CSS, authPage, code } from './pages.ts';
import { classifyProviderError } from './provider-errors.ts';
import { refusalPage } from './refusal-pages.ts';
import { safeReturnTo } from './return-to.ts';
import { cookieSealer } from './sealed-cookie.ts';
import { sessionCookieValue, type Session } from './session-cookie.ts';
import { OUTCOME_OF_PROVIDER_FAILURE, OUTCOME_OF_REFUSAL } from './sign-in-outcomes.ts';
import { signInFlows } from './sign-in-flows.ts';

export { isAllowedEmail };

export interface AuthOptions {
  /** The provider; tests may pass their own. */
  provider?: OidcProvider;
  log?: (line: string) => void;
}

export interface Auth {
  /** Mounted at `/auth`. */
  routes: Hono<AppEnv>;
  /** Runs before everything but `/auth`, `/healthz` and `/readyz`. */
  gate: MiddlewareHandler<AppEnv>;
}

export function createAuth(config: ServerConfig, options: AuthOptions = {}): Auth {
  const sandbox = config.apiKey === null;
  const auth = config.auth;
  const routes = new Hono<AppEnv>();

  if (!auth) {
    routes.get('/session', (c) => sessionInfo(c, { sandbox, signIn: false, user: null }));
    return { routes, gate: async (_c, next) => next() };
  }

  const log = options.log ?? ((line: string) => console.warn(line));
  const provider = options.provider ?? createOidcProvider(auth);
  const secure = auth.publicUrl.startsWith('https:');
  // __Host- binds a cookie to this exact origin (Secure, Path=/, no Domain); it needs https.
  const prefix = secure ? '__Host-' : '';
  const sessionCookie = `${prefix}sm_session`;
  const sessions = cookieSealer<Session>(auth.sessionSecrets, 'session');
  const sessionSeconds = auth.sessionHours * 3600;
  const cookieOptions = { httpOnly: true, secure, sameSite: 'Lax', path: '/' } as const;
  const flows = signInFlows({ secrets: auth.sessionSecrets, prefix, cookie: cookieOptions, log });
  const signedOutUrl = `${auth.publicUrl}/auth/signed-out`;

  /**
   * The session, unless absent, unreadable, expired or issued before SESSION_NOT_BEFORE. One
   * opened with an older secret of the list is sealed again with the first (same end), so a
   * rolling rotation moves active sessions to the new secret before the old one is dropped.
   */
  async function readSession(c: Context): Promise<Session | null> {
    return (await openSession(c)).session;
  }

  /** The session and, when it must be sealed again, the `Set-Cookie` line that does it. */
  async function openSession(c: Context) {
    const opened = await sessions.inspect(getCookie(c, sessionCookie));
    if (!opened.ok) return { session: null, reseal: null };
    if (auth?.sessionNotBefore && opened.iat * 1000 < auth.sessionNotBefore) {
      return { session: null, reseal: null };
    }
    const session: Session = { ...opened.payload };
    delete session.iat;
    delete session.exp;
    const left = opened.exp - Math.floor(Date.now() / 1000);
    if (opened.keyIndex === 0 || left <= 0) return { session, reseal: null };
    const resealed = await sessions.seal(session, left, opened.iat);
    const line = generateCookie(sessionCookie, resealed, { ...cookieOptions, maxAge: left });
    return { session, reseal: line };
  }

  /** Runs the rest of the app, then adds the re-sealed cookie to whatever it answered. */
  async function nextWith(c: Context, next: () => Promise<void>, reseal: string | null) {
    await next();
    if (!reseal) return;
    // The forwarder's answers are built as Response objects: copy one whose headers are fixed.
    try {
      c.res.headers.append('Set-Cookie', reseal);
    } catch {
      c.res = new Response(c.res.body, c.res);
      c.res.headers.append('Set-Cookie', reseal);
    }
  }

  function failurePage(c: Context, failure: Failure, returnTo: string) {
    log(failure.log);
    c.header('Cache-Control', 'no-store');
    return c.html(
      authPage(failure.title, failure.paragraphs, [
        { label: 'Try again', href: loginHref(returnTo), primary: true },
      ]),
      failure.status,
    );
  }

  async function startSignIn(c: Context, returnTo: string, switchAccount = false) {
    let started;
    try {
      started = await provider.start({ switchAccount });
    } catch (error) {
      const failure = classifyProviderError(error, auth?.issuer ?? '');
      return failurePage(c, providerFailure(failure, 'start', auth?.oidcTimeoutMs ?? 0), returnTo);
    }
    await flows.save(c, {
      state: started.state,
      nonce: started.nonce,
      codeVerifier: started.codeVerifier,
      returnTo,
    });
    c.header('Cache-Control', 'no-store');
    return c.redirect(started.url.href, 302);
  }

  function refusedPage(c: Context, email: string, switchHref: string, providerSignOut: URL | null) {
    const domains = auth?.allowedEmailDomains ?? [];
    const paragraphs = [
      html`You are signed in as ${code(email)}, and that address is not allowed to use this
      dashboard.`,
      domains.length > 0
        ? html`It admits addresses at
          ${domains.map((d, i) => html`${i > 0 ? ', ' : ''}${code(d)}`)}.`
        : 'It admits a list of addresses that does not include this one.',
      'To switch accounts, sign in again and choose another account; if your provider signs you straight back in, sign out of it first.',
    ];
    const actions = [{ label: 'Sign in with another account', href: switchHref, primary: true }];
    if (providerSignOut)
      actions.push({
        label: 'Sign out of the provider',
        href: providerSignOut.href,
        primary: false,
      });
    c.header('Cache-Control', 'no-store');
    return c.html(authPage('Access refused', paragraphs, actions), 403);
  }

  routes.get('/page.css', (c) =>
    c.body(AUTH_PAGE_CSS, 200, {
      'Content-Type': 'text/css; charset=utf-8',
      'Cache-Control': 'public, max-age=3600',
    }),
  );

  routes.get('/session', async (c) => {
    const session = await readSession(c);
    const user =
      session && isAllowedEmail(session.email, auth)
        ? { email: session.email, name: session.name ?? null }
        : null;
    return sessionInfo(c, { sandbox, signIn: true, user });
  });

  routes.get('/login', (c) =>
    startSignIn(
      c,
      safeReturnTo(c.req.query('returnTo'), auth.publicUrl),
      // `prompt=select_account` is what these links said before `account=switch`.
      c.req.query('account') === 'switch' || c.req.query('prompt') === 'select_account',
    ),
  );

  routes.get('/callback', async (c) => {
    c.header('Cache-Control', 'no-store');
    const state = c.req.query('state') ?? '';
    // State first: the provider's words are shown only for a sign-in this browser started.
    const taken = await flows.take(c, state);
    if (!taken.ok) {
      c.set('signInOutcome', 'bad_state');
      return failurePage(c, flowFailure(taken.why), '/');
    }
    const { flow } = taken;
    const providerError = c.req.query('error');
    if (providerError) {
      const failure = providerAnswered(providerError, c.req.query('error_description'));
      c.set('signInOutcome', 'provider_error');
      return failurePage(c, failure, flow.returnTo);
    }
    const query = new URL(c.req.url).search;
    let signedIn;
    try {
      signedIn = await provider.finish(new URL(`${redirectUriOf(auth)}${query}`), flow);
    } catch (error) {
      const failure = classifyProviderError(error, auth.issuer);
      c.set('signInOutcome', OUTCOME_OF_PROVIDER_FAILURE[failure.kind]);
      return failurePage(c, providerFailure(failure, 'finish', auth.oidcTimeoutMs), flow.returnTo);
    }
    const admission = admit(signedIn, auth);
    const switchHref = loginHref(flow.returnTo, true);
    if (!admission.ok) {
      c.set('user', admission.email ?? '(no address)');
      c.set('signInOutcome', OUTCOME_OF_REFUSAL[admission.why]);
      const page = refusalPage(admission, signedIn, auth);
      log(page.log);
      if (admission.why !== 'not-allowed') {
        c.header('Cache-Control', 'no-store');
        return c.html(
          authPage(page.title, page.paragraphs, [
            { label: 'Sign in with another account', href: switchHref, primary: true },
          ]),
          403,
        );
      }
      const providerSignOut = await provider
        .endSessionUrl(signedIn.idToken, signedOutUrl)
        .catch(() => null);
      return refusedPage(c, admission.email ?? '', switchHref, providerSignOut);
    }
    const session: Session = { email: admission.email };
    if (signedIn.name) session.name = signedIn.name;
    const value = await sessionCookieValue(sessions, session, signedIn.idToken, sessionSeconds);
    setCookie(c, sessionCookie, value, { ...cookieOptions, maxAge: sessionSeconds });
    c.set('user', admission.email);
    return c.redirect(flow.returnTo, 303);
  });

  // A cross-site page cannot sign anyone out: the form must come from our own origin.
  routes.post('/logout', csrf({ origin: auth.publicUrl }), async (c) => {
    const session = await readSession(c);
    deleteCookie(c, sessionCookie, cookieOptions);
    c.header('Cache-Control', 'no-store');
    const providerSignOut = await provider
      .endSessionUrl(session?.idToken ?? null, signedOutUrl)
      .catch(() => null);
    return c.redirect(providerSignOut?.href ?? '/auth/signed-out', 303);
  });

  routes.get('/signed-out', (c) =>
    c.html(
      authPage(
        'You are signed out',
        ['You have signed out of the SigmaMind batch-runs dashboard.'],
        [{ label: 'Sign in again', href: loginHref('/'), primary: true }],
      ),
    ),
  );

  const gate: MiddlewareHandler<AppEnv> = async (c, next) => {
    const { session, reseal } = await openSession(c);
    const path = c.req.path;
    if (isApiNamespace(path)) {
      if (!session) {
        // A cookie that no longer opens is a session that ended; no cookie, one never begun.
        const ended = getCookie(c, sessionCookie) !== undefined;
        const realm = 'OpenIDConnect realm="sigmamind-dashboard"';
        return apiErrorResponse(
          401,
          ended ? 'Your session has ended; sign in again' : 'Sign in to read this workspace',
          path,
          {
            'Cache-Control': 'no-store',
            'WWW-Authenticate': ended ? `${realm}, error="invalid_token"` : realm,
          },
        );
      }
      c.set('user', session.email);
      if (!isAllowedEmail(session.email, auth)) {
        return apiErrorResponse(
          403,
          `${session.email} is not allowed to read this workspace`,
          path,
          {
            'Cache-Control': 'no-store',
          },
        );
      }
      return nextWith(c, next, reseal);
    }
    // Built files (scripts, styles, icons) hold no workspace data; everything else does.
    if (isStaticFile(path)) return next();
    if (!session) {
      if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return c.text('Unauthorized', 401);
      return startSignIn(c, safeReturnTo(`${path}${new URL(c.req.url).search}`, auth.publicUrl));
    }
    c.set('user', session.email);
    if (!isAllowedEmail(session.email, auth)) {
      const opened = safeReturnTo(`${path}${new URL(c.req.url).search}`, auth.publicUrl);
      return refusedPage(c, session.email, loginHref(opened, true), null);
    }
    return nextWith(c, next, reseal);
  };

  return { routes, gate };
}

function loginHref(returnTo: string, switchAccount = false): string {
  const query = new URLSearchParams({ returnTo });
  if (switchAccount) query.set('account', 'switch');
  return `/auth/login?${query.toString()}`;
}

/** A file of the build: a last segment with an extension (`/assets/x.js`, `/favicon.png`). */
function isStaticFile(path: string): boolean {
  const last = path.split('/').pop() ?? '';
  return /\.[A-Za-z0-9]+$/.test(last) && !path.endsWith('.html');
}

interface SessionInfo {
  sandbox: boolean;
  signIn: boolean;
  user: { email: string; name: string | null } | null;
}

function sessionInfo(c: Context, info: SessionInfo) {
  return c.json(info, 200, { 'Cache-Control': 'no-store' });
}
