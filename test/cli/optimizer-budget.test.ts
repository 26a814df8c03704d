/**
 * The CLI's optimizer budget (src/cli/optimizer-budget.ts): set unless Node was started with one of
 * its own. What it saves is measured by `npm run bench` (the bundled audit), not here; that the code
 * caches stay valid under it, by code-cache.test.ts (a second run rewrites neither cache).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { delayOptimization, INTERRUPT_BUDGET } from '../../src/cli/optimizer-budget.js';

describe('delayOptimization', () => {
  it('raises the budget when Node was given none', () => {
    expect(INTERRUPT_BUDGET).toBeGreaterThan(67_584);
    expect(delayOptimization([])).toBe(true);
    // Other flags, and V8's other budgets, whose names start the same way, are not this one.
    expect(delayOptimization(['--max-old-space-size=4096', '--interrupt-budget-for-feedback-allocation=940', '--interrupt-budget-factor-for-feedback-allocation=8'])).toBe(true);
  });

  it('leaves a budget given to Node alone, however it is spelled', () => {
    for (const arg of ['--interrupt-budget=1000', '--interrupt_budget=1000', '--interrupt-budget']) {
      expect(delayOptimization(['--enable-source-maps', arg]), arg).toBe(false);
    }
  });

  it('defers to Node’s own budget wherever it stands among other flags', () => {
    const other = fc.constantFrom('--enable-source-maps', '--max-old-space-size=512', '--interrupt-budget-for-feedback-allocation=1', '--heap-growing-percent=80', '--no-opt');
    fc.assert(
      fc.property(fc.array(other, { maxLength: 6 }), fc.array(other, { maxLength: 6 }), fc.boolean(), (before, after, given) => {
        const argv = given ? [...before, '--interrupt-budget=4096', ...after] : [...before, ...after];
        expect(delayOptimization(argv)).toBe(!given);
      }),
    );
  });
});
