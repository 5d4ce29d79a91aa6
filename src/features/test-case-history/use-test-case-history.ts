/**
 * The history behind the dialog: the server's answer (api/history-api.ts), asked again while
 * the server is still reading the agent; Stop ends that and keeps what was found; "Show more"
 * asks for HISTORY_STEP more runs.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { HISTORY_MAX_RUNS } from '../../../contract/test-case-runs';
import type { TestCaseRun } from './find-runs';
import { HISTORY_STEP, historyQueries } from './api/history-api';

export interface History {
  status: 'searching' | 'done' | 'stopped' | 'failed';
  /** The newest runs found so far, newest first. */
  runs: readonly TestCaseRun[];
  /** Runs found in all so far (more than `runs` when not all are shown). */
  found: number;
  searched: number;
  /** The agent's batch runs in all; null before the first answer. */
  of: number | null;
  /** More runs are found than shown, and the dialog may show more. */
  hasMore: boolean;
  /** More runs are found than the dialog ever lists (HISTORY_MAX_RUNS). */
  capped: boolean;
  /** "Show more" asked and its answer has not arrived. */
  loadingMore: boolean;
  error: string | null;
}

const NONE: readonly TestCaseRun[] = [];

export function useTestCaseHistory(agentId: string, testCaseId: string) {
  const [size, setSize] = useState(HISTORY_STEP);
  const [stopped, setStopped] = useState(false);
  const options = historyQueries.runs({ agentId, testCaseId, size });
  const query = useQuery({ ...options, ...(stopped ? { refetchInterval: false } : {}) });
  const answer = query.data;
  const complete = answer?.coverage.complete ?? false;
  const history: History = {
    status:
      query.isError && !complete ? 'failed' : complete ? 'done' : stopped ? 'stopped' : 'searching',
    runs: answer?.runs ?? NONE,
    found: answer?.totalCount ?? 0,
    searched: answer?.coverage.searched ?? 0,
    of: answer?.coverage.of ?? null,
    hasMore: (answer?.hasNext ?? false) && size < HISTORY_MAX_RUNS,
    capped: (answer?.hasNext ?? false) && size >= HISTORY_MAX_RUNS,
    loadingMore: query.isPlaceholderData,
    error: query.error?.message ?? null,
  };
  return {
    history,
    stop: () => setStopped(true),
    resume: () => setStopped(false),
    showMore: () => setSize((shown) => Math.min(HISTORY_MAX_RUNS, shown + HISTORY_STEP)),
    retry: () => void query.refetch(),
  };
}
