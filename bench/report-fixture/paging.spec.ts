import { expect, test } from '@playwright/test';

const pageCount = (total: number, size: number) => Math.max(1, Math.ceil(total / size));

test.describe('paging arithmetic', () => {
  for (const [total, size, pages] of [
    [0, 10, 1],
    [1, 10, 1],
    [10, 10, 1],
    [11, 10, 2],
    [50_000, 100, 500],
  ] as const) {
    test(`${total} runs in pages of ${size} make ${pages}`, () => {
      expect(pageCount(total, size)).toBe(pages);
    });
  }
});
