import { afterEach, describe, expect, it, vi } from 'vitest';
import { exampleBatch, makeBatch } from '../test/fixtures';
import { batchMatcher, dayEndMs, dayStartMs, daysAgo, localDay } from './batch-filters';
import { NO_FILTERS, type Filters } from './view/view';

const matches = (filters: Partial<Filters>, batch = exampleBatch) =>
  batchMatcher({ ...NO_FILTERS, ...filters })(batch);

// Node reads TZ again whenever it changes: each test sets the viewer's time zone.
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('outcome', () => {
  const failed = makeBatch(1, { successfulAttempts: 4, failedAttempts: 1, totalAttempts: 5 });
  const passed = makeBatch(2, { successfulAttempts: 5, failedAttempts: 0, totalAttempts: 5 });
  const running = makeBatch(3, { successfulAttempts: 2, failedAttempts: 0, totalAttempts: 2 });
  const runningWithFailure = makeBatch(4, {
    successfulAttempts: 1,
    failedAttempts: 1,
    totalAttempts: 2,
  });

  it.each([
    ['failed', [failed, runningWithFailure]],
    ['passed', [passed]],
    ['unfinished', [running, runningWithFailure]],
  ] as const)('%s keeps exactly its batches', (outcome, kept) => {
    const all = [failed, passed, running, runningWithFailure];
    expect(all.filter((batch) => matches({ outcome }, batch))).toEqual(kept);
  });
});

describe('rate', () => {
  it('keeps a pass rate at or below the ceiling, and nothing without finished attempts', () => {
    expect(matches({ rate: 80 })).toBe(true); // 4 of 5
    expect(matches({ rate: 79.9 })).toBe(false);
    expect(matches({ rate: 100 })).toBe(true);
    const none = makeBatch(1, { successfulAttempts: 0, failedAttempts: 0, totalAttempts: 0 });
    expect(matches({ rate: 100 }, none)).toBe(false);
  });
});

describe('q', () => {
  it.each([
    'angry CUSTOMER', // label
    'wants to cancel', // persona
    'retention alternatives', // success criteria
    'GPT-4O-MINI', // model
    'account_status', // mock variable name
    'john doe', // mock value
  ])('finds “%s” without regard to case', (q) => {
    expect(matches({ q })).toBe(true);
  });

  it('finds nothing that is not there, nor ids or the agent name', () => {
    expect(matches({ q: 'refund' })).toBe(false);
    expect(matches({ q: exampleBatch.batchId })).toBe(false);
  });
});

describe('dates', () => {
  it('bounds a day at local midnight on both sides, inclusive', () => {
    vi.stubEnv('TZ', 'Europe/Berlin');
    const at = (iso: string) => makeBatch(1, { createdDate: iso });
    const day = { since: '2026-03-26', until: '2026-03-26' };
    expect(matches(day, at('2026-03-25T23:00:00.000Z'))).toBe(true); // 00:00 in Berlin
    expect(matches(day, at('2026-03-25T22:59:59.999Z'))).toBe(false);
    expect(matches(day, at('2026-03-26T22:59:59.999Z'))).toBe(true); // 23:59:59.999 in Berlin
    expect(matches(day, at('2026-03-26T23:00:00.000Z'))).toBe(false);
  });

  it('follows the viewer’s time zone: the same moment is a different day elsewhere', () => {
    const batch = makeBatch(1, { createdDate: '2026-11-24T03:00:00.000Z' });
    vi.stubEnv('TZ', 'America/Los_Angeles'); // 23-Nov 19:00
    expect(matches({ since: '2026-11-24' }, batch)).toBe(false);
    expect(matches({ until: '2026-11-23' }, batch)).toBe(true);
    vi.stubEnv('TZ', 'Asia/Tokyo'); // 24-Nov 12:00
    expect(matches({ since: '2026-11-24' }, batch)).toBe(true);
    expect(matches({ until: '2026-11-23' }, batch)).toBe(false);
  });

  it('counts a day of 23 or 25 hours whole across a DST change', () => {
    vi.stubEnv('TZ', 'America/New_York');
    expect(dayEndMs('2026-03-08') - dayStartMs('2026-03-08')).toBe(23 * 3_600_000);
    expect(dayEndMs('2026-11-01') - dayStartMs('2026-11-01')).toBe(25 * 3_600_000);
  });

  it('names the last N days from today, today included', () => {
    vi.stubEnv('TZ', 'Pacific/Auckland');
    const now = Date.parse('2026-11-30T10:00:00.000Z'); // 30-Nov 23:00 in Auckland
    expect(localDay(now)).toBe('2026-11-30');
    expect(daysAgo(7, now)).toBe('2026-11-24');
    expect(daysAgo(1, now)).toBe('2026-11-30');
    expect(daysAgo(30, now)).toBe('2026-11-01');
  });
});

it('combines the filters with AND', () => {
  expect(matches({ outcome: 'failed', q: 'angry' })).toBe(true);
  expect(matches({ outcome: 'failed', q: 'angry', rate: 50 })).toBe(false);
  expect(matches({ outcome: 'passed', q: 'angry' })).toBe(false);
});

describe('fields the API did not give', () => {
  it('puts a batch whose date was not given, or does not read, in no date range', () => {
    const withDate = (createdDate: string | null) => ({ ...makeBatch(1), createdDate });
    const ranged = batchMatcher({ ...NO_FILTERS, since: '2020-01-01' });
    expect(ranged(withDate(null))).toBe(false);
    expect(ranged(withDate('last Tuesday'))).toBe(false);
    expect(ranged(withDate('2026-03-26T10:52:45.565'))).toBe(true); // no offset: read as UTC
    expect(batchMatcher(NO_FILTERS)(withDate(null))).toBe(true);
  });

  it('searches past a label or persona that was not given', () => {
    const batch = makeBatch(1);
    const [first] = batch.testCases;
    const odd = { ...batch, testCases: [{ ...first!, label: null, userPrompt: null }] };
    expect(() => batchMatcher({ ...NO_FILTERS, q: 'anything' })(odd)).not.toThrow();
  });
});
