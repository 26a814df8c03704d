/**
 * A deterministic budget for one rule's search: a count of operations evaluated (weighted by what
 * each costs, cost.ts `costOf`), not wall time, so the same inputs always stop at the same
 * place and reports stay byte-identical. 20 000 units is about 50 ms of arithmetic on a laptop;
 * the bundled audit's hardest rule needs a few hundred.
 */
export const DEFAULT_BUDGET = 20_000;

export class Budget {
  private used = 0;
  constructor(
    readonly limit: number = DEFAULT_BUDGET,
    private readonly parent?: Budget,
  ) {}

  /** Record `cost` evaluations; false once the budget (or its parent's) is spent. */
  charge(cost: number): boolean {
    this.used += cost;
    this.parent?.charge(cost);
    return !this.exhausted;
  }

  /** A budget for one question, at most `share` of this one (and never more than what is left). */
  child(share: number): Budget {
    return new Budget(Math.max(0, Math.min(Math.floor(this.limit * share), this.limit - this.used)), this);
  }

  get spent(): number {
    return this.used;
  }

  get exhausted(): boolean {
    return this.used > this.limit || (this.parent?.exhausted ?? false);
  }
}
