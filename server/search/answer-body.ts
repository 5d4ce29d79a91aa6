/**
 * The search's answer as sent. An all-time search of a large agent carries a chart point per
 * match (46,095 for `q=payment` on the 52,340-run sandbox agent, 4.7 MB of JSON): serialising
 * and gzipping that on every request cost more than the search itself. So the chart's JSON is
 * kept with its match set until the set grows, and each body with its gzip until the answer
 * changes: a second viewer of the same link (same page, same coverage, same mirror version)
 * is sent the bytes the first one got. The chart's JSON grows with the set (a poll while a
 * walk fills it serialises only the new points). Gzip runs on libuv's pool, off the event loop.
 */
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Paging } from '../../contract/paging.ts';
import { acceptsGzip } from '../gzip-cache.ts';
import type { AgentMirror } from './agent-mirror.ts';
import type { MatchSet } from './match-set.ts';
import { answerFrom } from './search.ts';

const gzipAsync = promisify(gzip);
/**
 * Level 1: for a 4.7 MB answer 2-3 times faster than the default 6, for a body 6 % larger;
 * while a mirror fills, every poll's answer is new and gzipped again.
 */
const GZIP_LEVEL = 1;
/** Bodies kept per match set (pages asked of one search). */
const BODIES_PER_SET = 4;

interface Body {
  json: string;
  gzipped?: Promise<Uint8Array<ArrayBuffer>>;
}

/** The chart's points as JSON so far, without the brackets: extended as the set grows. */
const chartJson = new WeakMap<MatchSet, { points: number; json: string }>();
const bodies = new WeakMap<MatchSet, Map<string, Body>>();

function chartOf(set: MatchSet): string {
  const held = chartJson.get(set) ?? { points: 0, json: '' };
  if (held.points < set.chart.length) {
    const added = JSON.stringify(set.chart.slice(held.points)).slice(1, -1);
    held.json = held.points === 0 ? added : `${held.json},${added}`;
    held.points = set.chart.length;
    chartJson.set(set, held);
  }
  return `[${held.json}]`;
}

/** The answer's JSON, with the same keys in the same order as `JSON.stringify(answer)`. */
export function answerJson(set: MatchSet, paging: Paging, coverage: AgentMirror['coverage']) {
  const answer = answerFrom(set, paging, coverage);
  const { chart, coverage: covered, ...before } = answer;
  void chart;
  const head = JSON.stringify(before);
  return `${head.slice(0, -1)},"chart":${chartOf(set)},"coverage":${JSON.stringify(covered)}}`;
}

/** The body for these paging and coverage, made once; gzipped when the client takes it. */
export async function answerBody(
  set: MatchSet,
  paging: Paging,
  coverage: AgentMirror['coverage'],
  acceptEncoding: string | undefined,
): Promise<{ body: string; gzipped: false } | { body: Uint8Array<ArrayBuffer>; gzipped: true }> {
  const key = JSON.stringify([paging, coverage, set.scanned, set.matches.length]);
  let held = bodies.get(set);
  if (!held) bodies.set(set, (held = new Map<string, Body>()));
  let body = held.get(key);
  held.delete(key);
  body ??= { json: answerJson(set, paging, coverage) };
  held.set(key, body);
  if (held.size > BODIES_PER_SET) held.delete(held.keys().next().value!);
  if (!acceptsGzip(acceptEncoding) || body.json.length < 1024) {
    return { body: body.json, gzipped: false };
  }
  // One output chunk for the whole body: zlib's default 16 kB chunks each wait for a turn of
  // the event loop, which a walk in progress makes long.
  const chunkSize = Math.max(16 * 1024, Buffer.byteLength(body.json));
  body.gzipped ??= gzipAsync(body.json, { chunkSize, level: GZIP_LEVEL }).then(
    (zipped) => new Uint8Array(zipped),
  );
  return { body: await body.gzipped, gzipped: true };
}
