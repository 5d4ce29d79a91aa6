/**
 * Batch runs travel in a server-rendered page as the API sent them, and are read again in the
 * browser. A row read from the API keeps what was sent (`sent`, for exports and the odd-row
 * notes), so carrying rows as read would send each batch twice: on a page of 20 the state
 * shrinks by half, and the page paints sooner (the browser parses it before its first paint).
 */
import type { DehydratedState } from '@tanstack/react-query';
import { readBatchRun } from '../../contract/read-batch-runs';

/** The key of a batch run carried as sent: `{ [AS_SENT]: sent }`. */
const AS_SENT = '$batchRunAsSent';
/** Rows sit at most this deep in a query's data (pages of an infinite query, their rows). */
const MAX_DEPTH = 4;

type Json = Record<string, unknown>;

function mapObjects(value: unknown, replace: (object: Json) => unknown, depth = 0): unknown {
  if (typeof value !== 'object' || value === null || depth > MAX_DEPTH) return value;
  if (Array.isArray(value)) return value.map((item) => mapObjects(item, replace, depth + 1));
  const replaced = replace(value as Json);
  if (replaced !== undefined) return replaced;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, mapObjects(item, replace, depth + 1)]),
  );
}

function mapData(state: DehydratedState, replace: (object: Json) => unknown): DehydratedState {
  return {
    ...state,
    queries: state.queries.map((query) => ({
      ...query,
      state: { ...query.state, data: mapObjects(query.state.data, replace) },
    })),
  };
}

/** On the server: each batch run that reading what was sent gives back is carried as sent. */
export function compactBatchRuns(state: DehydratedState): DehydratedState {
  return mapData(state, (object) => {
    if (typeof object.batchId !== 'string' || !('sent' in object)) return undefined;
    const again = readBatchRun(object.sent);
    return JSON.stringify(again) === JSON.stringify(object)
      ? { [AS_SENT]: object.sent }
      : undefined;
  });
}

/** In the browser: the batch runs carried as sent, read as the API layer reads them. */
export function expandBatchRuns(state: DehydratedState): DehydratedState {
  return mapData(state, (object) =>
    AS_SENT in object ? readBatchRun(object[AS_SENT]) : undefined,
  );
}
