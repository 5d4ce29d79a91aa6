import fc from 'fast-check';
import { filterRepairs } from './filter-repairs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PAGE_SIZE, MAX_PAGE, NO_FILTERS, PAGE_SIZES, readView, toApiPage } from './view';

const read = (search: string) => readView(new URLSearchParams(search));

describe('readView', () => {
  it('reads a shared link', () => {
    expect(
      read('?agentId=agent_D5D0p7TUs66TTAEAx&page=3&size=50&batch=batch_s0OJu2JWR8R45Fai'),
    ).toEqual({
      view: {
        agentId: 'agent_D5D0p7TUs66TTAEAx',
        page: 3,
        size: 50,
        batch: 'batch_s0OJu2JWR8R45Fai',
        compare: null,
      },
      repairs: [],
    });
  });

  it('fills defaults when parameters are absent', () => {
    expect(read('').view).toEqual({
      agentId: null,
      page: 1,
      size: DEFAULT_PAGE_SIZE,
      batch: null,
      compare: null,
    });
  });

  it.each([
    ['page=0', 1],
    ['page=-1', 1],
    ['page=abc', 1],
    ['page=1.5', 1],
    ['page=', 1],
    [`page=${MAX_PAGE + 1}`, 1],
  ])('repairs %s to page %i and says so', (param, page) => {
    const { view, repairs } = read(`?agentId=a_1&${param}`);
    expect(view.page).toBe(page);
    expect(repairs.map((r) => r.param)).toEqual(['page']);
  });

  it('keeps a page past the end as asked: the API says whether it exists', () => {
    expect(read('?agentId=a_1&page=99999')).toMatchObject({ view: { page: 99999 }, repairs: [] });
  });

  it.each([
    ['size=0', 20],
    ['size=abc', 20],
    ['size=-5', 20],
    ['size=1000', 100],
    ['size=33', 20],
  ])('repairs %s to %i per page', (param, size) => {
    const { view, repairs } = read(`?agentId=a_1&${param}`);
    expect(view.size).toBe(size);
    expect(repairs[0]?.message).toContain(String(size));
  });

  it('explains a malformed agent id and drops it', () => {
    const { view, repairs } = read('?agentId=%3Cscript%3Ealert(1)%3C/script%3E&page=2');
    expect(view.agentId).toBeNull();
    expect(repairs[0]).toMatchObject({ param: 'agentId' });
    expect(read('?agentId=agent%20with%20spaces').view.agentId).toBeNull();
  });

  it('reads a comparison of two different batches', () => {
    expect(read('?agentId=a&compare=b_1,b_2').view.compare).toEqual(['b_1', 'b_2']);
    expect(read('?agentId=a&compare=b_1,b_1').repairs[0]?.param).toBe('compare');
  });

  it('converts the shown page to the API page in one place', () => {
    expect(toApiPage(1)).toBe(0);
    expect(toApiPage(7)).toBe(6);
  });

  it('never throws and always yields a valid view (property)', () => {
    const value = fc.oneof(
      fc.string(),
      fc.integer().map(String),
      fc.constantFrom('', ' ', '%', '<b>', '1e3', '0x10'),
    );
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom('agentId', 'page', 'size', 'batch', 'compare', 'other'),
          value,
        ),
        (params) => {
          const { view, repairs } = readView(new URLSearchParams(params));
          expect(Number.isInteger(view.page) && view.page >= 1 && view.page <= MAX_PAGE).toBe(true);
          expect(PAGE_SIZES).toContain(view.size);
          for (const id of [view.agentId, view.batch, ...(view.compare ?? [])]) {
            if (id !== null) expect(id).toMatch(/^[A-Za-z0-9_-]{1,128}$/);
          }
          // Reading the repaired view again finds nothing more to repair.
          const again = new URLSearchParams();
          if (view.agentId) again.set('agentId', view.agentId);
          again.set('page', String(view.page));
          again.set('size', String(view.size));
          expect(readView(again).repairs).toEqual([]);
          expect(Array.isArray(repairs)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('readView: filters', () => {
  const AGENT = 'agentId=agent_D5D0p7TUs66TTAEAx';

  it('reads every filter of a shared link', () => {
    expect(
      read(`?${AGENT}&outcome=failed&since=2026-11-24&until=2026-11-30&q=Angry%20Customer&rate=80`),
    ).toMatchObject({
      view: {
        filters: {
          outcome: 'failed',
          since: '2026-11-24',
          until: '2026-11-30',
          q: 'Angry Customer',
          rate: 80,
        },
      },
      repairs: [],
    });
  });

  it('has no filters when none is given, and none without an agent', () => {
    expect(read(`?${AGENT}`).view.filters).toBeUndefined();
    expect(read('?outcome=failed').view.filters).toBeUndefined();
  });

  it.each([
    ['outcome=broken', 'outcome', { outcome: null }, 'must be failed, passed or unfinished'],
    ['since=2026-02-30', 'since', { since: null }, 'not a date written YYYY-MM-DD'],
    ['until=yesterday', 'until', { until: null }, 'not a date written YYYY-MM-DD'],
    [
      'since=2026-11-30&until=2026-11-01',
      'until',
      { since: '2026-11-01', until: '2026-11-30' },
      'ended before it began',
    ],
    ['q=%20%20', 'q', { q: null }, 'empty'],
    [`q=${'x'.repeat(250)}`, 'q', { q: 'x'.repeat(200) }, 'cut to 200 characters'],
    ['rate=abc', 'rate', { rate: null }, 'percentage from 0 to 100'],
    ['rate=150', 'rate', { rate: 100 }, 'at most 100%'],
  ])('repairs %s and says so', (param, name, expected, message) => {
    const { view } = read(`?${AGENT}&${param}`);
    const repairs = filterRepairs(
      new URLSearchParams(`?${AGENT}&${param}`),
      view.filters ?? NO_FILTERS,
    );
    expect({ ...NO_FILTERS, ...view.filters }).toEqual({ ...NO_FILTERS, ...expected });
    expect(repairs).toHaveLength(1);
    expect(repairs[0]).toMatchObject({ param: name });
    expect(repairs[0]!.message).toContain(message);
  });

  it('reads outcome in any case and rate with a percent sign', () => {
    expect(read(`?${AGENT}&outcome=FAILED&rate=12.5%25`).view.filters).toMatchObject({
      outcome: 'failed',
      rate: 12.5,
    });
  });
});
