/**
 * Ports and the canary key shared by playwright.config.ts, the fake upstream and its specs.
 * E2E_PORT_BASE moves all three ports, so two runs on one machine do not collide.
 */
const base = Number(process.env.E2E_PORT_BASE ?? 4390);
export const SANDBOX_PORT = base + 1;
export const FAKE_UPSTREAM_PORT = base + 2;
export const UPSTREAM_PORT = base + 3;
/** A production server that key-safety.spec.ts starts itself, to read its output. */
export const SPAWNED_SERVER_PORT = base + 4;
/** The production build with sign-in, forwarding to the fake upstream (e2e/sign-in/). */
export const SIGN_IN_PORT = base + 5;
/** A real OpenID Connect provider for it, and the port that tells it who signs in next. */
export const OIDC_PORT = base + 6;
export const OIDC_CONTROL_PORT = base + 7;
/**
 * A second sign-in set-up whose provider serves `email` from userinfo only, as a provider in
 * its spec-conforming default may (e2e/sign-in/userinfo.spec.ts): its server, the provider,
 * and the provider's control port.
 */
export const SIGN_IN_USERINFO_PORT = base + 8;
export const OIDC_USERINFO_PORT = base + 9;
export const OIDC_USERINFO_CONTROL_PORT = base + 10;
/** A sandbox production server that cold-filtered-link.spec.ts starts itself, cold. */
export const COLD_SERVER_PORT = base + 11;
/** The sign-in server's session secret: the specs seal expired and valid cookies with it. */
export const E2E_SESSION_SECRET = 'e2e-session-secret-0123456789abcdef';
/** A key that must never reach a browser, a response or a file of the build. */
export const CANARY_KEY = 'canary-key-5f1e9c0d2b7a';
