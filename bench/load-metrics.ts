/**
 * The server's own view of a run, from its /metrics (prom-client): event-loop lag (the
 * histogram restarts at every scrape, so a scrape before the run and one after give the run's)
 * and the work it turned away (dashboard_load_shed_total).
 */
async function scrape(baseUrl: string): Promise<string> {
  // Right after a run the server may still be working through what the clients gave up on.
  const response = await fetch(`${baseUrl}/metrics`, { signal: AbortSignal.timeout(60_000) });
  if (!response.ok) throw new Error(`GET /metrics -> ${response.status}`);
  return response.text();
}

function value(text: string, name: string, labels = ''): number {
  const escaped = `${name}${labels}`.replace(/[{}"=]/g, (c) => `\\${c}`);
  const match = new RegExp(`^${escaped} ([0-9.e+-]+)`, 'm').exec(text);
  return match ? Number(match[1]) : 0;
}

/** Starts the run's window (a scrape restarts the lag histogram). */
export async function markMetrics(baseUrl: string): Promise<void> {
  await scrape(baseUrl);
}

export async function runMetrics(baseUrl: string) {
  let text: string;
  try {
    text = await scrape(baseUrl);
  } catch (error) {
    console.error(`The server's /metrics did not answer: ${String(error)}`);
    return null;
  }
  const ms = (name: string) =>
    Math.round(value(text, `dashboard_nodejs_eventloop_lag_${name}_seconds`) * 1000);
  return {
    eventLoopLagMs: { mean: ms('mean'), p50: ms('p50'), p99: ms('p99'), max: ms('max') },
    shed: {
      renders: value(text, 'dashboard_load_shed_total', '{work="render"}'),
      searches: value(text, 'dashboard_load_shed_total', '{work="search"}'),
    },
  };
}
