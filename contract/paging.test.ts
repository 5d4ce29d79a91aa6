import { describe, expect, it } from 'vitest';
import { pageInfo, pageSlice } from './paging.ts';

describe('paging arithmetic', () => {
  it('says how many pages there are and whether one exists on either side', () => {
    expect(pageInfo(45, { page: 0, size: 20 })).toEqual({
      page: 0,
      size: 20,
      totalCount: 45,
      totalPages: 3,
      hasNext: true,
      hasPrevious: false,
    });
    expect(pageInfo(45, { page: 2, size: 20 })).toMatchObject({
      hasNext: false,
      hasPrevious: true,
    });
    expect(pageInfo(0, { page: 3, size: 20 })).toMatchObject({ totalPages: 0, hasPrevious: false });
  });

  it('slices only the page asked for, and nothing past the end', () => {
    expect(pageSlice(45, { page: 2, size: 20 })).toEqual([40, 45]);
    expect(pageSlice(45, { page: 9, size: 20 })).toEqual([45, 45]);
  });
});
