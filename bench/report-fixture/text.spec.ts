import { expect, test } from '@playwright/test';

test('trims names', () => {
  expect('  Nightly regression  '.trim()).toBe('Nightly regression');
});

test('ids keep their prefix', () => {
  expect('batch_8f3k2'.startsWith('batch_')).toBe(true);
});

test('dates read back as ISO', () => {
  expect(new Date('2026-11-30T23:20:00Z').toISOString()).toBe('2026-11-30T23:20:00.000Z');
});
