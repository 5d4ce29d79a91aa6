/** Ports and the canary key shared by playwright.config.ts, the fake upstream and its specs. */
export const SANDBOX_PORT = 4391;
export const FAKE_UPSTREAM_PORT = 4392;
export const UPSTREAM_PORT = 4393;
/** A key that must never reach a browser, a response or a file of the build. */
export const CANARY_KEY = 'canary-key-5f1e9c0d2b7a';
