/**
 * The load test's figures: per server (with and without server rendering) and per run, then
 * over the runs. An error is any answer that is not 2xx/304 and not a 503 with Retry-After
 * (a search turned away at SEARCH_CONCURRENCY, which the browser asks again: counted apart as
 * `shed`), or a failed connection; a timeout is a request not answered in 10 s.
 */
import type { Kind } from './load-mix.ts';
import type { Outcome, RequestStats } from './load-request.ts';

export interface Sample {
  kind: Kind;
  ms: number;
  outcome: Outcome;
  path: string;
  /** The request's X-Request-Id, to find it in LOAD_SERVER_LOG. */
  id: string;
}

const round = (ms: number) => Math.round(ms * 10) / 10;

function latency(samples: Sample[]) {
  const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
  const at = (q: number) =>
    round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
  return {
    requests: sorted.length,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: round(sorted.at(-1) ?? 0),
  };
}

const isPage = (kind: Kind) => kind.startsWith('page');

export function summarizeVariant(samples: Sample[], elapsedS: number, stats: RequestStats) {
  const failed = samples.filter((s) => s.outcome.kind === 'failed' || s.outcome.kind === 'error');
  const errors = failed.filter((s) => !(s.outcome.kind === 'failed' && s.outcome.shed));
  const pages = samples.filter((s) => isPage(s.kind) && s.outcome.kind === 'ok');
  const kinds = [...new Set(samples.map((s) => s.kind))];
  return {
    requests: samples.length,
    requestsPerSecond: Math.round(samples.length / elapsedS),
    errors: errors.length,
    timeouts: samples.filter((s) => s.outcome.kind === 'timeout').length,
    /** Timed-out fetches the abort did not reach (the former hang); see load-request.ts. */
    abandoned: stats.abandoned,
    searchesShed: failed.length - errors.length,
    pages: pages.length,
    pagesRendered: pages.filter(
      (s) =>
        s.outcome.kind === 'ok' &&
        /^render;dur=[\d.]+;desc="(with|partly)/.test(s.outcome.timing ?? ''),
    ).length,
    pagesShed: pages.filter((s) => s.outcome.kind === 'ok' && /busy/.test(s.outcome.timing ?? ''))
      .length,
    latencyMs: latency(samples),
    byKind: Object.fromEntries(
      kinds.map((kind) => [kind, latency(samples.filter((s) => s.kind === kind))]),
    ),
    errorSamples: [...errors, ...samples.filter((s) => s.outcome.kind === 'timeout')]
      .slice(0, 10)
      .map((s) => `${JSON.stringify(s.outcome)} ${s.path} (${s.id})`),
  };
}

type VariantFigures = ReturnType<typeof summarizeVariant> & {
  server: { eventLoopLagMs: { p99: number; max: number } } | null;
  clientLagMs?: { p99: number; max: number };
};
type Run = Partial<Record<'ssr' | 'plain', VariantFigures>>;

function describe(name: string, v: VariantFigures): string {
  const { p50, p95, p99 } = v.latencyMs;
  const shed = v.searchesShed ? `, ${v.searchesShed} searches 503` : '';
  const renders =
    name === 'with SSR'
      ? `, pages ${v.pagesRendered} rendered/${v.pagesShed} shed of ${v.pages}`
      : '';
  return (
    `${name}: ${v.requestsPerSecond} req/s, ${v.requests} req, ${v.errors} errors, ${v.timeouts} timeouts${shed}, ` +
    `p50 ${p50} p95 ${p95} p99 ${p99} ms, loop lag p99 ${v.server?.eventLoopLagMs.p99 ?? '?'} ms (bench's own: p99 ${v.clientLagMs?.p99 ?? '?'}, max ${v.clientLagMs?.max ?? '?'} ms)${renders}`
  );
}

export function formatRun(run: number, runs: number, result: Run): string {
  const parts = [`run ${run}/${runs}`];
  if (result.ssr) parts.push(describe('with SSR', result.ssr));
  if (result.plain) parts.push(describe('without SSR', result.plain));
  if (result.ssr && result.plain) {
    parts.push(
      `ratio ${(result.ssr.requestsPerSecond / result.plain.requestsPerSecond).toFixed(2)}`,
    );
  }
  const errors = [...(result.ssr?.errorSamples ?? []), ...(result.plain?.errorSamples ?? [])];
  return [parts.join(' | '), ...errors.map((e) => `    failed: ${e}`)].join('\n');
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

export function summarizeRuns(runs: Run[]) {
  const of = (variant: 'ssr' | 'plain') =>
    runs.flatMap((run) => (run[variant] ? [run[variant]] : []));
  const ssr = of('ssr');
  const plain = of('plain');
  const cleanRuns = ssr.filter((v) => v.errors === 0 && v.timeouts === 0).length;
  const figures = {
    cleanRuns: `${cleanRuns} of ${ssr.length}`,
    ssrRequestsPerSecond: ssr.map((v) => v.requestsPerSecond),
    ssrMedianRequestsPerSecond: median(ssr.map((v) => v.requestsPerSecond)),
    ssrWorstP99Ms: Math.max(...ssr.map((v) => v.latencyMs.p99)),
    ssrMedianP99Ms: median(ssr.map((v) => v.latencyMs.p99)),
    plainRequestsPerSecond: plain.map((v) => v.requestsPerSecond),
    plainMedianRequestsPerSecond: plain.length
      ? median(plain.map((v) => v.requestsPerSecond))
      : null,
    ratios: runs.flatMap((run) =>
      run.ssr && run.plain
        ? [Number((run.ssr.requestsPerSecond / run.plain.requestsPerSecond).toFixed(2))]
        : [],
    ),
  };
  const lines = [
    `Summary: with SSR 0 errors and 0 timeouts in ${figures.cleanRuns} runs; req/s ${figures.ssrRequestsPerSecond.join(', ')} (median ${figures.ssrMedianRequestsPerSecond}); p99 median ${figures.ssrMedianP99Ms} ms, worst ${figures.ssrWorstP99Ms} ms`,
  ];
  if (plain.length) {
    lines.push(
      `         with SSR ${figures.ssrMedianRequestsPerSecond} req/s vs without SSR ${figures.plainMedianRequestsPerSecond} req/s (medians); ratio per run ${figures.ratios.join(', ')} (median ${median(figures.ratios)})`,
    );
  }
  return {
    figures,
    lines,
    clean: cleanRuns === ssr.length && plain.every((v) => v.errors === 0 && v.timeouts === 0),
  };
}
