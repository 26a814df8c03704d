/**
 * The claim words of one language, as regular expressions over lower-case text (DESIGN §3.5).
 * `before` patterns are tested on the text between the previous number and this one and must
 * end where the number starts (they allow a hedge in between: "tăng gần 195"); `after` patterns
 * are tested on the text right after the number. The drafter knows no sentence of any document:
 * everything it recognises is in these tables, one per language.
 */
export interface ClaimWords {
  /** "tăng X%", "up X%", "rose by X%": a rise. */
  up: RegExp;
  /** "giảm X%", "down X%", "fell X%": a fall. */
  down: RegExp;
  /** "bình quân tăng X%", "tăng bình quân X%", "average annual growth of X%": average growth. */
  averageGrowth: RegExp;
  /** "bình quân … đạt X", "trung bình", "average … X", "averaged X": an average of a period. */
  average: RegExp;
  /** "tăng trưởng", "growth": the average spoken of is of growth rates. */
  growthWord: RegExp;
  /** After "X%": "dự toán", "kế hoạch", "of the target": a ratio to a plan. */
  planAfter: RegExp;
  /** Before "X%": "vượt": the excess over the plan (ratio − 1). */
  exceed: RegExp;
  /** "chiếm X%", "accounts for X%": a share of a whole. */
  share: RegExp;
  /** After "X%": "of the total", "of all": a share too. */
  shareAfter: RegExp;
  /** "gấp X lần", "X times": a multiple. */
  multiple: RegExp;
  /** "cao hơn X", "higher than … by": above something. */
  higher: RegExp;
  lower: RegExp;
  /** After the number: "15% below", "0.6 percentage points lower than" (English puts the comparative after). */
  higherAfter: RegExp;
  lowerAfter: RegExp;
  /** After a change: "to 215,400", "lên 7 tỷ": the level it reached follows. */
  changeTo: RegExp;
  /** After a multiple: what it is a multiple of ("năm 2015", "the 2013 level", "those of 2020"), captured in group 1. */
  multipleBase: RegExp;
  /** After a share: the whole named by its words ("of gross regional product", "tổng giá trị sản xuất"), in group 1. */
  wholeAfter: RegExp;
  /** Before a range: "đạt mục tiêu … 8-9%", "within the target range of": the rate lies in the range. */
  targetRange: RegExp;
  /** After the number: "so với …", "on …", "compared with …": the base, captured in group 1. */
  base: RegExp;
  /** In the base: the same period a year back ("cùng kỳ", "last year", "a year earlier"). */
  previous: RegExp;
  /** Before a list of parts of the level just named ("trong đó", "of which", "including"). */
  partsOf: RegExp;
  /** Before a complete breakdown ("gồm", "bao gồm", "comprising"): the parts add up to it. */
  madeOf: RegExp;
  /** Words that end the subject words of a clause (verbs of stating). */
  verbs: ReadonlySet<string>;
  /** Words never used in ids. */
  stop: ReadonlySet<string>;
}

export { vi } from './patterns-vi.js';
export { en } from './patterns-en.js';
