import { render, screen } from '@testing-library/react';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summarizeAttempts } from '../../lib/attempts';
import { SuccessBar } from './success-bar';
import { exampleBatch } from '../../test/fixtures';

function batch(successfulAttempts: number, failedAttempts: number, totalAttempts: number) {
  return { successfulAttempts, failedAttempts, totalAttempts };
}

/** Renders the bar for these counts and returns its segments' widths and its name. */
function draw(
  counts: ReturnType<typeof batch>,
  attempts: number[],
): { widths: number[]; name: string } {
  const summary = summarizeAttempts({
    ...counts,
    testCases: attempts.map((attempt) => ({ attempt })) as never,
  });
  const { container, unmount } = render(<SuccessBar summary={summary} />);
  const svg = container.querySelector('svg[role="img"]')!;
  const widths = [...svg.querySelectorAll(':scope > rect')].map((rect) =>
    Number(rect.getAttribute('width')),
  );
  const name = svg.getAttribute('aria-label') ?? '';
  unmount();
  return { widths, name };
}

describe('SuccessBar with counts that disagree', () => {
  it('draws what the API says: 3 succeeded + 1 failed of 7 "finished", 5 expected', () => {
    const { widths, name } = draw(batch(3, 1, 7), [5]);
    expect(widths).toEqual([75, 25, 0]);
    expect(name).toBe('3 of 7 attempts succeeded, 1 failed');
  });

  it('never draws a negative, infinite or overflowing bar, whatever the counts (property)', () => {
    const count = fc.oneof(fc.nat({ max: 50 }), fc.maxSafeNat());
    fc.assert(
      fc.property(
        count,
        count,
        count,
        fc.array(fc.nat({ max: 50 }), { maxLength: 4 }),
        (s, f, t, a) => {
          const { widths, name } = draw(batch(s, f, t), a);
          for (const width of widths) {
            expect(Number.isFinite(width)).toBe(true);
            expect(width).toBeGreaterThanOrEqual(0);
          }
          expect(widths.reduce((sum, width) => sum + width, 0)).toBeLessThanOrEqual(100 + 1e-9);
          expect(name).not.toBe('');
        },
      ),
      { numRuns: 150 },
    );
  }, 60_000);
});

describe('SuccessBar with counts not given', () => {
  it('draws no bar and says so', () => {
    const { container } = render(
      <SuccessBar summary={summarizeAttempts({ ...exampleBatch, failedAttempts: null })} />,
    );
    expect(screen.getByText('counts not given')).toBeVisible();
    expect(container.querySelector('svg')).toBeNull();
  });
});
