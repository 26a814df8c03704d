/** What judging a rule needs besides the rule: the rule set's figures, the document's locale, and the rule file's settings. */
import type { Figure, JudgingSettings, Locale, Position } from '../model.js';
import { DEFAULT_BUDGET } from './decide/budget.js';
import type { ImpliedFigure } from './implied/registry.js';

export interface JudgeContext {
  figures: ReadonlyMap<string, Figure>;
  /** Figures declared but unreadable: a rule using one is broken, and says where to look. */
  brokenFigures?: ReadonlyMap<string, Position>;
  locale: Locale;
  /** The rule file's budget and materiality thresholds, where it sets them. */
  judging?: JudgingSettings;
  /**
   * The figures claims imply, by id (implied/registry.ts). In `figures` such a figure is read as
   * its implied values; the claims implying it are judged apart (implied/results.ts).
   */
  implied?: (id: string) => ImpliedFigure | undefined;
  /**
   * Keep each claim's exact computed range with its result after judging (diagnose/index.ts
   * `rangeOfResult`), for `explain`. An audit lets it go once the rule is diagnosed: three
   * Fractions a claim, kept to the end of a large audit for nothing.
   */
  keepRanges?: boolean;
}

/** Evaluations a rule may spend on its verdict (and as many again on its diagnosis). */
export function budgetOf(ctx: JudgeContext): number {
  return ctx.judging?.budget ?? DEFAULT_BUDGET;
}
