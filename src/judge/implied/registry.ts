/**
 * Implied figures of one audit: for every unknown figure that claims imply (`implies:`), the
 * values each claim implies, what they have in common (the figure's domain in the rules that use
 * it), and which rules use it. Rule files of one document share their figure files, so a figure is
 * known by its declaration (the same Figure object in every rule set that loads its file): a claim
 * in one rule file may imply a plan that a check in another rule file uses.
 *
 * Rules that use an implied figure are judged with the figure read as the values its claims
 * imply (its outer bound, refined to a hundredth of the style's last digit): `figuresFor` gives
 * a rule set's figures with each implied figure given that interval.
 */
import { intervals as I, type Program } from '../../evaluate/index.js';
import type { Figure, Interval, LoadedClaimRule, Locale, RuleSet, StatedSet, WrittenNumber } from '../../model.js';
import { statedSet } from '../../numbers/index.js';
import { budgetOf } from '../context.js';
import { Budget, type Variable } from '../decide/index.js';
import { linkedExpression } from '../linker.js';
import { showEnclosure, showInterval } from '../show.js';
import { stylesOf } from '../styles.js';
import { digitUnit } from '../../numbers/index.js';
import { variablesOf } from '../variables.js';
import { asked, impliedSet, type ImpliedSet } from './implied-set.js';

/** A claim's question about its implied figure, kept to ask again (agreement, witnesses). */
export interface ClaimQuestion {
  program: Program;
  variables: readonly Variable[];
  slot: number;
  set: StatedSet;
}

export interface ImplyingClaim {
  rule: LoadedClaimRule;
  /** The rule file it is declared in. */
  file: string;
  question: ClaimQuestion;
  values: ImpliedSet;
  /** The values it implies, in words ("[7.456,5; 7.513,8] tỷ đồng"), or why there are none. */
  text: string;
  /** Evaluations spent finding them, and the budget. */
  spent: number;
  budget: number;
}

export interface ImpliedFigure {
  figure: Figure;
  claims: ImplyingClaim[];
  /** What every claim's implied values have in common (null: nothing, or a claim implies nothing). */
  domain: Interval | null;
  /** How its values are written: like the figure the claims compare it with. */
  style?: WrittenNumber;
  locale: Locale;
  /** The rules (ids) that use its implied values. */
  usedBy: string[];
}

export class ImpliedFigures {
  readonly byFigure = new Map<Figure, ImpliedFigure>();
  private readonly figureMaps = new WeakMap<RuleSet, ReadonlyMap<string, Figure>>();

  /** The implied figure a rule set names `id`, if a claim implies it. */
  of(set: RuleSet, id: string): ImpliedFigure | undefined {
    const figure = set.figures.get(id);
    return figure ? this.byFigure.get(figure) : undefined;
  }

  /** The set's figures, each implied figure read as its implied values (unknown when they are unbounded or empty). */
  figuresFor(set: RuleSet): ReadonlyMap<string, Figure> {
    const hit = this.figureMaps.get(set);
    if (hit) return hit;
    let out: ReadonlyMap<string, Figure> = set.figures;
    const implied = [...set.figures.values()].filter((f) => this.byFigure.has(f));
    if (implied.length) {
      const copy = new Map(set.figures);
      for (const f of implied) {
        const entry = this.byFigure.get(f)!;
        const usable = entry.domain && (entry.domain.lo !== null || entry.domain.hi !== null);
        const restsOn = [...new Set(entry.claims.flatMap((c) => c.question.variables.map((v) => v.id).filter((id) => id !== f.id)))];
        const implied = { by: entry.claims.map((c) => c.rule.id), values: valuesText(entry), restsOn, ...(entry.style ? { style: entry.style } : {}) };
        copy.set(f.id, { ...f, interval: usable ? entry.domain : null, implied });
      }
      out = copy;
    }
    this.figureMaps.set(set, out);
    return out;
  }
}

/** The implied values of a figure, in words. */
export function valuesText(entry: Pick<ImpliedFigure, 'domain' | 'style' | 'locale'>, x: Interval | null = entry.domain): string {
  if (!x) return 'none';
  if (x.lo === null && x.hi === null) return 'any value';
  return entry.style ? showEnclosure(x, entry.style, entry.locale) : showInterval(x, undefined, entry.locale);
}

/** Every claim of the rule sets that implies a figure, its implied values, and who uses them. */
export function collectImplied(sets: readonly RuleSet[]): ImpliedFigures {
  const registry = new ImpliedFigures();
  for (const set of sets) {
    for (const rule of set.rules) {
      if (rule.kind !== 'claim' || rule.implies === undefined) continue;
      const figure = set.figures.get(rule.implies);
      if (!figure || figure.interval !== null || figure.derived) continue;
      const claim = safely(() => implyingClaim(rule, set, figure));
      if (!claim) continue;
      let entry = registry.byFigure.get(figure);
      if (!entry) {
        entry = { figure, claims: [], domain: null, locale: set.document.locale, usedBy: [] };
        registry.byFigure.set(figure, entry);
      }
      if (!entry.style && claim.style) entry.style = claim.style;
      entry.claims.push(claim.claim);
    }
  }
  if (registry.byFigure.size === 0) return registry;
  for (const entry of registry.byFigure.values()) {
    entry.domain = entry.claims.reduce<Interval | null>((d, c) => (d && c.values.outer ? I.intersect(d, c.values.outer) : null), { lo: null, hi: null });
    for (const c of entry.claims) c.text = valuesText(entry, c.values.outer);
  }
  for (const set of sets) {
    for (const rule of set.rules) {
      const linked = linkedExpression(rule.expr, set.figures);
      if (!linked.ok) continue;
      for (const id of linked.compiled.symbols) {
        const entry = registry.of(set, id);
        if (entry && !entry.claims.some((c) => c.rule === rule) && !entry.usedBy.includes(rule.id)) entry.usedBy.push(rule.id);
      }
    }
  }
  return registry;
}

/** A claim whose implied values cannot be found (its expression fails) implies nothing: judging it says why. */
function safely<T>(f: () => T | null): T | null {
  try {
    return f();
  } catch {
    return null;
  }
}

function implyingClaim(rule: LoadedClaimRule, set: RuleSet, figure: Figure): { claim: ImplyingClaim; style?: WrittenNumber } | null {
  const linked = linkedExpression(rule.expr, set.figures);
  if (!linked.ok || linked.compiled.result !== 'interval') return null;
  const { program } = linked.compiled;
  const slot = program.slots.indexOf(figure.id);
  if (slot < 0 || program.slots.some((id, i) => i !== slot && !set.figures.get(id)?.interval)) return null;
  const variables = variablesOf(program, set.figures);
  const stated = statedSet(rule.stated, rule.reading, rule.tolerance);
  const style = impliedStyle(program, slot, set.figures);
  const limit = budgetOf({ figures: set.figures, locale: set.document.locale, ...(set.judging ? { judging: set.judging } : {}) });
  const budget = new Budget(limit);
  const question: ClaimQuestion = { program, variables, slot, set: stated };
  const values = impliedSet(asked(question, budget, style ? digitUnit(style).div(100) : null));
  const claim: ImplyingClaim = { rule, file: set.file, question, values, text: '', spent: budget.spent, budget: limit };
  return { claim, ...(style ? { style } : {}) };
}

/**
 * How an implied figure's values are written: like the figure it is compared with in the claim
 * (the plan of "ratio(revenue, plan)" is written like the revenue).
 */
function impliedStyle(program: Program, slot: number, figures: ReadonlyMap<string, Figure>): WrittenNumber | undefined {
  const styles = stylesOf(program, figures);
  const target = program.slotNodes[slot]!;
  for (const node of program.nodes) {
    const args = node.kind === 'call' || node.kind === 'arith' ? node.args : [];
    if (!args.includes(target)) continue;
    for (const a of args) {
      const s = styles[a];
      if (a !== target && s && s !== 'scalar') return s;
    }
  }
  return undefined;
}

