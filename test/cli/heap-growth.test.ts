/**
 * The CLI's limit on heap growth (src/cli/heap-growth.ts): set unless Node was started with a
 * value of its own. What it saves is measured by `npm run bench` (100 000 claims' peak RSS), not here.
 */
import { describe, expect, it } from 'vitest';
import { HEAP_GROWING_PERCENT, limitHeapGrowth } from '../../src/cli/heap-growth.js';

describe('limitHeapGrowth', () => {
  it('sets the limit when Node was given none', () => {
    expect(HEAP_GROWING_PERCENT).toBeGreaterThan(0);
    expect(limitHeapGrowth([])).toBe(true);
    expect(limitHeapGrowth(['--max-old-space-size=4096', '--heap-growing-percent-x'])).toBe(true);
  });

  it('leaves a value given to Node alone, however it is spelled', () => {
    for (const arg of ['--heap-growing-percent=80', '--heap_growing_percent=80', '--heap-growing-percent']) {
      expect(limitHeapGrowth(['--enable-source-maps', arg]), arg).toBe(false);
    }
  });
});
