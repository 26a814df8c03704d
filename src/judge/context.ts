/** What judging a rule needs besides the rule: the rule set's figures and the document's locale. */
import type { Figure, Locale, Position } from '../model.js';

export interface JudgeContext {
  figures: ReadonlyMap<string, Figure>;
  /** Figures declared but unreadable: a rule using one is broken, and says where to look. */
  brokenFigures?: ReadonlyMap<string, Position>;
  locale: Locale;
}
