import { expect, test } from '@playwright/test';

const successRate = (passed: number, total: number) =>
  total === 0 ? null : Math.round((100 * passed) / total);

test('no tests: no rate', () => {
  expect(successRate(0, 0)).toBeNull();
});

test('all passed: 100 %', () => {
  expect(successRate(12, 12)).toBe(100);
});

test('rounds to the nearest percent', () => {
  expect(successRate(2, 3)).toBe(67);
});

test.describe('partial runs', () => {
  test('half passed', () => {
    expect(successRate(5, 10)).toBe(50);
  });
  test('one of many failed', () => {
    expect(successRate(99, 100)).toBe(99);
  });
});
