import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './e2e/chromium';
import {
  CANARY_KEY,
  E2E_SESSION_SECRET,
  FAKE_UPSTREAM_PORT,
  OIDC_CONTROL_PORT,
  OIDC_PORT,
  OIDC_USERINFO_CONTROL_PORT,
  OIDC_USERINFO_PORT,
  SANDBOX_PORT,
  SIGN_IN_PORT,
  SIGN_IN_USERINFO_PORT,
  UPSTREAM_PORT,
} from './e2e/upstream/ports';

// Three servers: the production build on the sandbox (no key); a fake upstream serving
// hostile content and failures; and the production build forwarding to it with a canary key.
// The production servers run as users run them: compiled, with plain node (`npm run build`).
const SERVE = 'node dist-server/server/serve.js';
/**
 * The servers under test render every page with its data: the tests assert what the first
 * HTML holds, not how fast it came, and on a loaded CI machine 300 ms (the production budget)
 * is sometimes not enough. The budget running out and renders beyond the bound are tested on
 * their own (e2e/cold-filtered-link.spec.ts, server/ssr-bound.test.ts).
 */
const RENDER_ENV = { SSR_DATA_BUDGET_MS: '2500', SSR_CONCURRENCY: '8' };

/** The build under test (`npm run build` writes dist/; DIST_DIR lets parallel runs use their own). */
const distDir = process.env.DIST_DIR ?? 'dist';

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  // A loaded CI machine (load average 10-20 seen) runs axe over a long page in 30 s or more.
  timeout: 120_000,
  // Generous: CI shares two cores between the servers, Chromium and the test runner.
  expect: { timeout: 15_000 },
  reporter: 'list',
  use: {
    ...devices['Desktop Chrome'],
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'sandbox',
      testIgnore: /(upstream|sign-in)\/.*\.spec\.ts/,
      use: { baseURL: `http://127.0.0.1:${SANDBOX_PORT}` },
    },
    {
      name: 'upstream',
      testMatch: /upstream\/.*\.spec\.ts/,
      use: { baseURL: `http://127.0.0.1:${UPSTREAM_PORT}` },
    },
    {
      name: 'sign-in',
      testMatch: /sign-in\/.*\.spec\.ts/,
      use: { baseURL: `http://127.0.0.1:${SIGN_IN_PORT}` },
    },
  ],
  webServer: [
    {
      command: SERVE,
      url: `http://127.0.0.1:${SANDBOX_PORT}/`,
      env: {
        HOST: '127.0.0.1',
        PORT: String(SANDBOX_PORT),
        SIGMAMIND_API_KEY: '',
        SANDBOX: '1',
        DIST_DIR: distDir,
        ...RENDER_ENV,
        // Playwright stops the servers with SIGTERM: no balancer to wait for here.
        DRAIN_DELAY_MS: '0',
        // The live agent starts a batch every 20 s (runs ~13 s), so e2e/live-and-keyboard.spec.ts
        // can watch one progress and finish quickly.
        SANDBOX_LIVE_CYCLE_SECONDS: '20',
      },
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: 'tsx e2e/upstream/fake-upstream.ts',
      url: `http://127.0.0.1:${FAKE_UPSTREAM_PORT}/health`,
      env: { PORT: String(FAKE_UPSTREAM_PORT), EXPECTED_KEY: CANARY_KEY },
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: SERVE,
      url: `http://127.0.0.1:${UPSTREAM_PORT}/`,
      env: {
        HOST: '127.0.0.1',
        PORT: String(UPSTREAM_PORT),
        SIGMAMIND_API_KEY: CANARY_KEY,
        DIST_DIR: distDir,
        ...RENDER_ENV,
        // Playwright stops the servers with SIGTERM: no balancer to wait for here.
        DRAIN_DELAY_MS: '0',
        SIGMAMIND_API_URL: `http://127.0.0.1:${FAKE_UPSTREAM_PORT}`,
        UPSTREAM_TIMEOUT_MS: '3000',
        // 1 MiB, below agent_huge's body (HUGE_BODY_BYTES in e2e/upstream/scenarios.ts).
        MAX_UPSTREAM_BYTES: '1048576',
      },
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: 'tsx e2e/sign-in/provider.ts',
      url: `http://127.0.0.1:${OIDC_CONTROL_PORT}/health`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: SERVE,
      url: `http://127.0.0.1:${SIGN_IN_PORT}/healthz`,
      env: {
        HOST: '127.0.0.1',
        PORT: String(SIGN_IN_PORT),
        SIGMAMIND_API_KEY: CANARY_KEY,
        SIGMAMIND_API_URL: `http://127.0.0.1:${FAKE_UPSTREAM_PORT}`,
        DIST_DIR: distDir,
        ...RENDER_ENV,
        // Playwright stops the servers with SIGTERM: no balancer to wait for here.
        DRAIN_DELAY_MS: '0',
        AUTH_OIDC_ISSUER: `http://127.0.0.1:${OIDC_PORT}`,
        AUTH_OIDC_CLIENT_ID: 'dashboard-e2e',
        AUTH_OIDC_CLIENT_SECRET: 'dashboard-e2e-secret',
        PUBLIC_URL: `http://127.0.0.1:${SIGN_IN_PORT}`,
        SESSION_SECRET: E2E_SESSION_SECRET,
        ALLOWED_EMAIL_DOMAINS: 'example.com',
        LOG_LEVEL: 'warn',
      },
      reuseExistingServer: false,
      timeout: 60_000,
    },
    // A second sign-in set-up: its provider serves `email` from userinfo only (OIDC Core 5.4).
    {
      command: 'tsx e2e/sign-in/provider.ts',
      url: `http://127.0.0.1:${OIDC_USERINFO_CONTROL_PORT}/health`,
      env: {
        EMAIL_IN: 'userinfo',
        PROVIDER_PORT: String(OIDC_USERINFO_PORT),
        PROVIDER_CONTROL_PORT: String(OIDC_USERINFO_CONTROL_PORT),
      },
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: SERVE,
      url: `http://127.0.0.1:${SIGN_IN_USERINFO_PORT}/healthz`,
      env: {
        HOST: '127.0.0.1',
        PORT: String(SIGN_IN_USERINFO_PORT),
        SIGMAMIND_API_KEY: CANARY_KEY,
        SIGMAMIND_API_URL: `http://127.0.0.1:${FAKE_UPSTREAM_PORT}`,
        DIST_DIR: distDir,
        ...RENDER_ENV,
        AUTH_OIDC_ISSUER: `http://127.0.0.1:${OIDC_USERINFO_PORT}`,
        AUTH_OIDC_CLIENT_ID: 'dashboard-e2e',
        AUTH_OIDC_CLIENT_SECRET: 'dashboard-e2e-secret',
        PUBLIC_URL: `http://127.0.0.1:${SIGN_IN_USERINFO_PORT}`,
        SESSION_SECRET: E2E_SESSION_SECRET,
        ALLOWED_EMAIL_DOMAINS: 'example.com',
        LOG_LEVEL: 'warn',
      },
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
});
