import { describe, expect, it } from 'vitest';
import { COMPONENT_LINE_LIMIT, componentSizes } from './structure.ts';

describe('structure', () => {
  it('finds the app’s components (the guard below is not vacuous)', () => {
    const names = componentSizes().map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['App', 'AgentPage', 'BatchRunsTable']));
  });

  it(`keeps every component function at or under ${COMPONENT_LINE_LIMIT} lines`, () => {
    const over = componentSizes().filter((c) => c.lines > COMPONENT_LINE_LIMIT);
    expect(over, 'split these: a component past the limit does two jobs').toEqual([]);
  });
});
