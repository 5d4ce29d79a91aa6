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
/** A key that must never reach a browser, a response or a file of the build. */
export const CANARY_KEY = 'canary-key-5f1e9c0d2b7a';
