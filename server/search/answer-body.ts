/**
 * The search's answer as sent. Each body is kept with its gzip until the answer changes (a
 * second viewer of the same link, same page, same coverage, same mirror version, is sent the
 * bytes the first one got), so asking again costs neither serialising nor gzipping. Gzip runs
 * on libuv's pool, off the event loop.
 */
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Paging } from '../../contract/paging.ts';
import { acceptsGzip } from '../gzip-cache.ts';
import type { AgentMirror } from './agent-mirror.ts';
import type { MatchSet } from './match-set.ts';
import { answerFrom } from './search.ts';

const gzipAsync = promisify(gzip);
/** Level 1: 2-3 times faster than the default 6 for a body about 6 % larger; while a mirror
 * fills, every poll's answer is new and gzipped again. */
const GZIP_LEVEL = 1;
/** Bodies kept per match set (pages asked of one search). */
const BODIES_PER_SET = 4;

interface Body {
  json: string;
  gzipped?: Promise<Uint8Array<ArrayBuffer>>;
}

const bodies = new WeakMap<MatchSet, Map<string, Body>>();

/** The answer's JSON. */
export function answerJson(set: MatchSet, paging: Paging, coverage: AgentMirror['coverage']) {
  return JSON.stringify(answerFrom(set, paging, coverage));
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
