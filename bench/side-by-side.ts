/**
 * The dashboard next to the Playwright HTML report (issue #15's target: the dashboard's first
 * row in at most a third of the report's time). Both are loaded cold in the same browser, in
 * interleaved rounds (report, dashboard, report, … with the order swapped every round), so the
 * noise of two shared cores falls on both alike. Each figure is the median of the round medians.
 */
import type { Browser } from '@playwright/test';
import { coldLoad, type ColdLoad } from './cold-load.ts';

export interface SideBySideTarget {
  url: string;
  /** The first result row: a test row in the report's list, a batch row in the dashboard. */
  rowSelector: string;
}

export interface SideBySideRow {
  figure: string;
  unit: string;
  report: number;
  dashboard: number;
  /** dashboard / report, each the median of its round medians. */
  ratio: number;
  /** dashboard / report within each round. */
  roundRatios: number[];
  target: string;
}

export interface SideBySide {
  rounds: number;
  loadsPerRound: number;
  rows: SideBySideRow[];
  samples: { report: ColdLoad[][]; dashboard: ColdLoad[][] };
}

export const median = (values: number[]) => {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

export async function sideBySide(
  browser: Browser,
  report: SideBySideTarget,
  dashboard: SideBySideTarget,
  rounds: number,
  loadsPerRound: number,
): Promise<SideBySide> {
  const load = (target: SideBySideTarget) => coldLoad(browser, target.url, target.rowSelector);
  // One untimed load each: the servers' first-request costs (gzip caches, JIT) are not counted.
  await load(report);
  await load(dashboard);
  const samples: SideBySide['samples'] = { report: [], dashboard: [] };
  for (let round = 0; round < rounds; round++) {
    const reportLoads: ColdLoad[] = [];
    const dashboardLoads: ColdLoad[] = [];
    for (let i = 0; i < loadsPerRound; i++) {
      if ((round + i) % 2 === 0) {
        reportLoads.push(await load(report));
        dashboardLoads.push(await load(dashboard));
      } else {
        dashboardLoads.push(await load(dashboard));
        reportLoads.push(await load(report));
      }
    }
    samples.report.push(reportLoads);
    samples.dashboard.push(dashboardLoads);
  }

  const figure = (
    name: string,
    unit: string,
    pick: (load: ColdLoad) => number,
    target: string,
  ): SideBySideRow => {
    const roundMedians = (loads: ColdLoad[][]) => loads.map((round) => median(round.map(pick)));
    const reportRounds = roundMedians(samples.report);
    const dashboardRounds = roundMedians(samples.dashboard);
    const reportMedian = median(reportRounds);
    const dashboardMedian = median(dashboardRounds);
    return {
      figure: name,
      unit,
      report: reportMedian,
      dashboard: dashboardMedian,
      ratio: dashboardMedian / reportMedian,
      roundRatios: dashboardRounds.map((value, round) => value / reportRounds[round]!),
      target,
    };
  };
  return {
    rounds,
    loadsPerRound,
    samples,
    rows: [
      figure('first row painted', 'ms', (l) => l.firstRowMs, 'ratio ≤ 0.33'),
      figure('first contentful paint', 'ms', (l) => l.fcpMs, ''),
      figure('JS gzip, first view', 'kB', (l) => l.jsGzipBytes / 1000, ''),
    ],
  };
}

export function printSideBySide(result: SideBySide) {
  const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
  console.log(
    `\nSide by side with the Playwright HTML report: ${result.rounds} rounds × ` +
      `${result.loadsPerRound} cold loads each, alternating; median of round medians.`,
  );
  console.log(
    'figure'.padEnd(26),
    'report'.padStart(9),
    'dashboard'.padStart(10),
    'dash/report'.padStart(12),
    '  per round          target',
  );
  for (const row of result.rows) {
    const digits = row.unit === 'kB' ? 1 : 0;
    console.log(
      `${row.figure} (${row.unit})`.padEnd(26),
      fmt(row.report, digits).padStart(9),
      fmt(row.dashboard, digits).padStart(10),
      fmt(row.ratio, 2).padStart(12),
      ` ${row.roundRatios
        .map((r) => fmt(r, 2))
        .join(' ')
        .padEnd(18)} ${row.target}`,
    );
  }
}
