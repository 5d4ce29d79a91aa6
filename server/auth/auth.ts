/**
 * Sign-in with the team's identity provider (OpenID Connect). Without a session, a page
 * navigation goes to the provider and comes back to exactly the link that was opened; `/v1`
 * answers 401 JSON (never a redirect) so the app can say the session ended and keep its screen.
 * The session is a sealed cookie (sealed-cookie.ts): nothing is stored on the server.
 *
 * Without sign-in configured, only `GET /auth/session` exists (it tells the app whether the
 * data is the sandbox's) and nothing is gated.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { csrf } from 'hono/csrf';
import { html } from 'hono/html';
import { apiErrorResponse } from '../api/error-response.ts';
import { isApiNamespace } from '../api/request-target.ts';
import type { AuthConfig, ServerConfig } from '../config.ts';
import type { AppEnv } from '../app-env.ts';
import { createOidcProvider, redirectUriOf, type OidcProvider } from './oidc.ts';
import { AUTH_PAGE_CSS, authPage, code } from './pages.ts';
import { safeReturnTo } from './return-to.ts';
import { cookieSealer } from './sealed-cookie.ts';

/** What the session cookie holds. */
interface Session {
  email: string;
  name?: string;
  /** For `id_token_hint` at sign-out, so the provider ends its session without asking. */
  idToken?: string;
  [claim: string]: unknown;
}

/** One sign-in in progress (one per tab: the cookie is named after its `state`). */
interface SignInFlow {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
  [claim: string]: unknown;
}

const SIGN_IN_FLOW_SECONDS = 10 * 60;

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

export function isAllowedEmail(email: string, auth: AuthConfig): boolean {
  const address = email.trim().toLowerCase();
  const domain = address.slice(address.lastIndexOf('@') + 1);
  return (
    auth.allowedEmails.includes(address) ||
    (address.includes('@') && auth.allowedEmailDomains.includes(domain))
  );
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
  const flowCookie = (state: string) => `${prefix}sm_signin_${state.slice(0, 16)}`;
  const sessions = cookieSealer<Session>(auth.sessionSecret, 'session');
  const flows = cookieSealer<SignInFlow>(auth.sessionSecret, 'sign-in');
  const sessionSeconds = auth.sessionHours * 3600;
  const cookieOptions = { httpOnly: true, secure, sameSite: 'Lax', path: '/' } as const;
  const signedOutUrl = `${auth.publicUrl}/auth/signed-out`;

  const readSession = (c: Context) => sessions.open(getCookie(c, sessionCookie));

  async function startSignIn(c: Context, returnTo: string, prompt?: string) {
    let started;
    try {
      started = await provider.start({ prompt });
    } catch (error) {
      log(`Sign-in: the provider could not be reached (${describe(error)})`);
      return c.html(
        authPage(
          'Sign-in is unavailable',
          [
            'The identity provider could not be reached, so nobody can sign in right now.',
            'Try again in a minute; if it persists, the server’s operator should check AUTH_OIDC_ISSUER.',
          ],
          [{ label: 'Try again', href: loginHref(returnTo), primary: true }],
        ),
        502,
      );
    }
    const flow: SignInFlow = {
      state: started.state,
      nonce: started.nonce,
      codeVerifier: started.codeVerifier,
      returnTo,
    };
    setCookie(c, flowCookie(started.state), await flows.seal(flow, SIGN_IN_FLOW_SECONDS), {
      ...cookieOptions,
      maxAge: SIGN_IN_FLOW_SECONDS,
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
      c.req.query('prompt') === 'select_account' ? 'select_account' : undefined,
    ),
  );

  routes.get('/callback', async (c) => {
    c.header('Cache-Control', 'no-store');
    const state = c.req.query('state') ?? '';
    const startAgain = [{ label: 'Sign in again', href: loginHref('/'), primary: true }];
    const providerError = c.req.query('error');
    if (providerError) {
      const description = c.req.query('error_description');
      log(`Sign-in: the provider answered ${providerError}`);
      return c.html(
        authPage(
          'Sign-in did not complete',
          [
            html`The identity provider answered
            ${code(providerError)}${description ? html`: ${description}` : ''}.`,
          ],
          startAgain,
        ),
        400,
      );
    }
    const flow = state ? await flows.open(getCookie(c, flowCookie(state))) : null;
    if (!flow) {
      log('Sign-in: a callback without its sign-in cookie (expired, replayed or forged state)');
      return c.html(
        authPage(
          'Sign-in did not complete',
          [
            'This sign-in answer does not belong to a sign-in started in this browser in the last 10 minutes, so it was not accepted.',
          ],
          startAgain,
        ),
        400,
      );
    }
    deleteCookie(c, flowCookie(state), cookieOptions);
    const query = new URL(c.req.url).search;
    let signedIn;
    try {
      signedIn = await provider.finish(new URL(`${redirectUriOf(auth)}${query}`), flow);
    } catch (error) {
      log(`Sign-in: the provider's answer was refused (${describe(error)})`);
      return c.html(
        authPage(
          'Sign-in did not complete',
          ['The identity provider’s answer could not be verified, so it was not accepted.'],
          [{ label: 'Sign in again', href: loginHref(flow.returnTo), primary: true }],
        ),
        400,
      );
    }
    const { email } = signedIn;
    if (!email || signedIn.emailVerified === false || !isAllowedEmail(email, auth)) {
      const shown = email ?? '(no address)';
      log(`Sign-in refused for ${shown}${signedIn.emailVerified === false ? ' (unverified)' : ''}`);
      c.set('user', shown);
      if (email && signedIn.emailVerified === false) {
        return c.html(
          authPage(
            'Access refused',
            [
              html`Your identity provider has not verified ${code(email)}, so it cannot be used to
              sign in here.`,
            ],
            [
              {
                label: 'Sign in with another account',
                href: loginHref(flow.returnTo, true),
                primary: true,
              },
            ],
          ),
          403,
        );
      }
      const providerSignOut = await provider
        .endSessionUrl(signedIn.idToken, signedOutUrl)
        .catch(() => null);
      return refusedPage(c, shown, loginHref(flow.returnTo, true), providerSignOut);
    }
    const session: Session = { email };
    if (signedIn.name) session.name = signedIn.name;
    if (signedIn.idToken) session.idToken = signedIn.idToken;
    setCookie(c, sessionCookie, await sessions.seal(session, sessionSeconds), {
      ...cookieOptions,
      maxAge: sessionSeconds,
    });
    c.set('user', email);
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
    const session = await readSession(c);
    const path = c.req.path;
    if (isApiNamespace(path)) {
      if (!session) {
        return apiErrorResponse(401, 'Your session has ended; sign in again', path, {
          'Cache-Control': 'no-store',
          'WWW-Authenticate': 'OpenIDConnect realm="sigmamind-dashboard"',
        });
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
      return next();
    }
    // Built files (scripts, styles, icons) hold no workspace data; everything else does.
    if (isStaticFile(path)) return next();
    if (!session) {
      if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return c.text('Unauthorized', 401);
      return startSignIn(c, safeReturnTo(`${path}${new URL(c.req.url).search}`, auth.publicUrl));
    }
    c.set('user', session.email);
    if (!isAllowedEmail(session.email, auth)) {
      return refusedPage(c, session.email, loginHref('/', true), null);
    }
    return next();
  };

  return { routes, gate };
}

function loginHref(returnTo: string, switchAccount = false): string {
  const query = new URLSearchParams({ returnTo });
  if (switchAccount) query.set('prompt', 'select_account');
  return `/auth/login?${query.toString()}`;
}

/** A file of the build: a last segment with an extension (`/assets/x.js`, `/favicon.svg`). */
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

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 300);
  return 'unknown error';
}
