/**
 * A filtered link in headless Chromium for `npm run bench:filters`: the time until the
 * progress line says the search is complete, and the page's peak JS heap meanwhile (CDP
 * `Performance.getMetrics` JSHeapUsedSize, sampled every 100 ms).
 */
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../e2e/chromium.ts';

export interface BrowserRun {
  completeMs: number;
  peakHeapMb: number;
  status: string;
}

export async function browserSearch(url: string, timeoutMs = 300_000): Promise<BrowserRun> {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  try {
    // bypassCSP: the page's CSP forbids evaluating the check below as a string.
    const context = await browser.newContext({
      viewport: { width: 1366, height: 900 },
      bypassCSP: true,
    });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    let peakHeap = 0;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const { metrics } = await cdp
          .send('Performance.getMetrics')
          .catch(() => ({ metrics: [] as { name: string; value: number }[] }));
        const heap = metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0;
        peakHeap = Math.max(peakHeap, heap);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    const started = performance.now();
    await page.goto(url);
    const status = page.getByRole('status').filter({ hasText: /^Searched / });
    // Complete: "Searched N of N batch runs · M matches", no "…" and no Stop.
    // A string, not a function: tsx would add helpers the page does not have.
    await page.waitForFunction(
      `(() => {
        const line = [...document.querySelectorAll('[role="status"]')]
          .map((element) => element.textContent || '')
          .find((text) => text.startsWith('Searched '));
        const found = line && /^Searched ([\\d,]+) of ([\\d,]+) /.exec(line);
        return Boolean(found && found[1] === found[2] && !line.includes('…'));
      })()`,
      null,
      { timeout: timeoutMs, polling: 100 },
    );
    const completeMs = performance.now() - started;
    sampling = false;
    await sampler;
    const text = (await status.textContent()) ?? '';
    await context.close();
    return { completeMs, peakHeapMb: peakHeap / 1024 / 1024, status: text };
  } finally {
    await browser.close();
  }
}
