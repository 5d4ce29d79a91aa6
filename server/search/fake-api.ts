/** Test support for the mirror: made-up batch runs and a fake API that lists them. */
import type { BatchRun } from '../../contract/api-schemas.ts';
import type { UpstreamGet } from './upstream.ts';

export const PERSONA = 'A caller who wants to move an appointment to next Tuesday morning.';

export function batch(n: number, { finished = 2 }: { finished?: number } = {}): BatchRun {
  return {
    batchId: `b${n}`,
    workspaceId: 'ws_1',
    agent: { agentId: 'a1', name: 'Agent', status: 'active' },
    createdDate: new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString(),
    testCases: [
      {
        testCaseId: `tc${n}`,
        label: 'Reschedule',
        userPrompt: `${PERSONA}`.slice(0),
        successCriteria: 'Books the slot',
        llmModel: 'gpt-4o',
        attempt: 2,
        agent: { agentId: 'a1', name: 'Agent', status: 'active' },
        mockData: [{ variableName: 'name', value: 'Ana' }],
      },
    ],
    successfulAttempts: finished,
    failedAttempts: 0,
    totalAttempts: finished,
  } as unknown as BatchRun;
}

/** A fake API: `list` newest first; counts requests; `fail429` answers pages with one 429 first. */
export function fakeApi(list: BatchRun[]) {
  const api = { list, requests: [] as string[], throttleOnce: new Set<number>() };
  const get: UpstreamGet = async (path, options) => {
    api.requests.push(path);
    await Promise.resolve();
    const url = new URL(`http://x${path}`);
    const byId = /^\/v1\/batch-runs\/(.+)$/.exec(url.pathname);
    if (byId) {
      const found = api.list.find((item) => item.batchId === byId[1]);
      if (!found && options?.notFound) return null;
      return structuredClone(found);
    }
    const page = Number(url.searchParams.get('page'));
    const size = Number(url.searchParams.get('size'));
    const totalCount = api.list.length;
    const totalPages = Math.ceil(totalCount / size);
    const data = structuredClone(api.list.slice(page * size, page * size + size));
    return {
      data,
      page,
      size,
      totalCount,
      totalPages,
      hasNext: page + 1 < totalPages,
      hasPrevious: page > 0,
    };
  };
  return { api, get };
}

/** `count` batches numbered from `from + 1`, newest (highest) first. */
export const newestFirst = (count: number, from = 0) =>
  Array.from({ length: count }, (_, index) => batch(from + count - index));
