/**
 * A deterministic budget for one rule's search: a count of node evaluations, not wall time, so the
 * same inputs always stop at the same place and reports stay byte-identical.
 */
export const DEFAULT_BUDGET = 200_000;

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
