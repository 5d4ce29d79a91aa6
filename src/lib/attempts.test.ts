import { describe, expect, it } from 'vitest';
import { describeAttempts, formatPassRate, summarizeAttempts } from './attempts';

function batch(
  successfulAttempts: number,
  failedAttempts: number,
  totalAttempts: number,
  attempts: number[],
) {
  return {
    successfulAttempts,
    failedAttempts,
    totalAttempts,
    testCases: attempts.map((attempt) => ({ attempt })) as never,
  };
}

describe('summarizeAttempts and describeAttempts', () => {
  it('says the documented example in words', () => {
    const summary = summarizeAttempts(batch(4, 1, 5, [5]));
    expect(describeAttempts(summary)).toBe('4 of 5 attempts succeeded, 1 failed');
    expect(formatPassRate(summary)).toBe('80%');
    expect(summary.isUnfinished).toBe(false);
  });

  it('handles a batch with no attempts at all', () => {
    const summary = summarizeAttempts(batch(0, 0, 0, []));
    expect(describeAttempts(summary)).toBe('No attempts');
    expect(formatPassRate(summary)).toBe('—');
    expect(summary.isUnfinished).toBe(false);
  });

  it('handles a batch whose attempts are all pending', () => {
    const summary = summarizeAttempts(batch(0, 0, 0, [3, 2]));
    expect(describeAttempts(summary)).toBe('No attempts finished yet, 5 pending');
    expect(summary.pending).toBe(5);
    expect(summary.isUnfinished).toBe(true);
    expect(summary.passRate).toBeNull();
  });

  it('handles all failed and all passed', () => {
    expect(describeAttempts(summarizeAttempts(batch(0, 4, 4, [4])))).toBe(
      '0 of 4 attempts succeeded, 4 failed',
    );
    expect(formatPassRate(summarizeAttempts(batch(0, 4, 4, [4])))).toBe('0%');
    expect(describeAttempts(summarizeAttempts(batch(6, 0, 6, [2, 4])))).toBe(
      '6 of 6 attempts succeeded, 0 failed',
    );
    expect(formatPassRate(summarizeAttempts(batch(6, 0, 6, [2, 4])))).toBe('100%');
  });

  it('rounds the pass rate (1 of 3 is 33%)', () => {
    expect(formatPassRate(summarizeAttempts(batch(1, 2, 3, [3])))).toBe('33%');
    expect(formatPassRate(summarizeAttempts(batch(2, 1, 3, [3])))).toBe('67%');
  });

  it('adds pending attempts of an unfinished batch', () => {
    const summary = summarizeAttempts(batch(2, 1, 3, [5, 2]));
    expect(describeAttempts(summary)).toBe('2 of 3 attempts succeeded, 1 failed, 4 pending');
    expect(summary.isUnfinished).toBe(true);
  });

  it('flags counts that disagree instead of correcting them', () => {
    const summary = summarizeAttempts(batch(3, 3, 5, [4]));
    expect(summary.inconsistencies).toHaveLength(2);
    expect(summary.finished).toBe(5);
    expect(summary.passRate).toBeLessThanOrEqual(1);
  });

  it('uses the singular for one attempt', () => {
    expect(describeAttempts(summarizeAttempts(batch(1, 0, 1, [1])))).toBe(
      '1 of 1 attempt succeeded, 0 failed',
    );
  });
});
