/**
 * The fixed Playwright run whose HTML report bench/side-by-side.ts loads next to the dashboard
 * (issue #15: the dashboard's first row should paint in a third of the report's time). The specs
 * need no browser and no network; bench/report.ts runs them once and caches the report.
 */
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.ts/,
  workers: 1,
  outputDir: process.env.REPORT_RESULTS_DIR ?? 'test-results',
  reporter: [['html', { open: 'never', outputFolder: process.env.REPORT_DIR ?? 'report' }]],
});
