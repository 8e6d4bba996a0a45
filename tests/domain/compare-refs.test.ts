// Measure references sort in the plan's reading order, as localeCompare with numeric collation does.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareRefs } from '../../src/domain/compare-refs.js';

describe('compareRefs', () => {
  it('puts 1.2 before 1.10 and 2.1 after both', () => {
    expect(['2.1', '1.10', '1.2'].sort(compareRefs)).toEqual(['1.2', '1.10', '2.1']);
  });

  it("orders any references as localeCompare(b, 'en', { numeric: true })", () => {
    const ref = fc.stringMatching(/^[0-9]{1,2}(\.[0-9]{1,2}){0,2}[a-c]?$/);
    fc.assert(
      fc.property(ref, ref, (a, b) => {
        expect(Math.sign(compareRefs(a, b))).toBe(Math.sign(a.localeCompare(b, 'en', { numeric: true })));
      }),
    );
  });
});
