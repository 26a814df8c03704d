/**
 * What a rule set checks once all its figures are known: the derived figures of its rule file
 * (`derived:`), the names every derived figure's expression uses, cycles among derived figures,
 * and each claim's `implies:`. Each problem is a Diagnostic at its line and column; the figure
 * (or the rule) is left out, and every other one still loads.
 *
 * A derived figure whose problem is elsewhere (it uses a figure that could not be read) is kept:
 * a rule using it then says which figure is broken and where, as for any figure.
 */
import { normalize } from 'node:path';
import { CycleError, compileExpression, definitionsOf, linkProgram } from '../evaluate/index.js';
import { DimensionError, unitOfFigure, unitsOf } from '../evaluate/dimensions.js';
import type { BrokenRule, Figure, LoadedClaimRule, Position, RuleSet } from '../model.js';
import { didYouMean } from '../suggest.js';
import { makeDiagnostic } from './diagnostics.js';
import { FIGURE_ID } from './figure-build.js';
import { buildDerived, placeInExpression } from './figure-derived.js';
import { isObject, str } from './plain.js';
import type { ParsedYaml } from './yaml.js';

/** The text of the file a position is in (for code frames), when known. */
export type SourceOf = (file: string) => string | undefined;

/** The derived figures a rule file declares itself (`derived:`), added to its set. */
export function addRuleFileDerived(set: RuleSet, derived: unknown, y: ParsedYaml): void {
  if (!isObject(derived)) return;
  for (const [id, spec] of Object.entries(derived)) {
    const declared = y.positionOf(['derived', id], 'key');
    const report = (code: string, message: string, position: Position, suggestions?: string[]) =>
      set.diagnostics.push(makeDiagnostic({ code, message, position, source: y.source, suggestions }));
    if (!FIGURE_ID.test(id)) {
      report('invalid-id', `invalid figure id "${id}": ids are used in expressions, so they are letters, digits and underscores, not starting with a digit`, declared);
      continue;
    }
    if (!isObject(spec)) continue;
    const base: Omit<Figure, 'interval' | 'exact'> = { id, declared };
    if (str(spec.description) !== undefined) base.description = str(spec.description);
    if (str(spec.unit) !== undefined) base.unit = str(spec.unit);
    const input = {
      id,
      declared,
      source: y.source,
      fields: spec,
      at: (field: string) => y.positionOf(['derived', id, field]),
      literal: (field: string) => y.scalarSource(['derived', id, field]),
    };
    const figure = buildDerived(input, base, report);
    if (!figure) {
      set.brokenFigures.set(id, declared);
      continue;
    }
    const prev = set.figures.get(id);
    if (prev) {
      const where = `${prev.declared.file}:${prev.declared.line}:${prev.declared.col}`;
      report('duplicate-figure', `figure "${id}" is already declared (${where}); the first declaration is used`, declared);
      continue;
    }
    set.figures.set(id, figure);
  }
}

/** Check every derived figure of the set: the names it uses exist, and it is not defined through itself. */
export function checkDerivedFigures(set: RuleSet, sourceOf: SourceOf): void {
  const broken: Figure[] = [];
  const known = [...set.figures.keys()];
  for (const figure of set.figures.values()) {
    const d = figure.derived;
    if (!d) continue;
    const compiled = compileExpression(d.expr);
    if (!compiled.ok) continue; // reported when the figure was built
    const report = (code: string, message: string, position: Position, suggestions?: string[]) =>
      set.diagnostics.push(makeDiagnostic({ code, message, position, source: sourceOf(position.file), suggestions }));
    let ok = true;
    for (const name of compiled.compiled.symbols) {
      if (set.figures.has(name) || set.brokenFigures.has(name)) continue;
      // The suggestion goes with the diagnostic, not into its message: printed once.
      const close = didYouMean(name, known, 1);
      report(
        'unknown-figure',
        `derived figure "${figure.id}" uses unknown figure "${name}"`,
        placeInExpression(d, columnOf(d.expr, name)),
        close,
      );
      ok = false;
    }
    try {
      const linked = linkProgram(compiled.compiled.program, definitionsOf(set.figures)).program;
      // Units: a derived figure that adds USD to đồng is broken where it is declared.
      if (ok) unitsOf(linked, (slot) => unitOfFigure(set.figures.get(linked.slots[slot]!), set.document.locale));
    } catch (e) {
      if (e instanceof DimensionError) {
        report('unit-error', `derived figure "${figure.id}": ${e.message}`, e.col ? placeInExpression(d, e.col) : d.at);
        broken.push(figure);
        continue;
      }
      if (!(e instanceof CycleError)) throw e;
      // Only the figures on the cycle are broken; one that merely uses them says so when used.
      if (e.cycle.includes(figure.id)) {
        const cycle = rotate(e.cycle, figure.id);
        report('derived-cycle', `derived figure "${figure.id}" is defined through itself: ${cycle.join(' → ')}`, d.at);
        ok = false;
      }
    }
    if (!ok) broken.push(figure);
  }
  for (const figure of broken) {
    set.figures.delete(figure.id);
    set.brokenFigures.set(figure.id, figure.declared);
  }
}

/** The 1-based column of a figure name in an expression (1 if not found). */
export function columnOf(expr: string, name: string): number {
  const m = new RegExp(`(?<![\\w.])${name}(?![\\w(])`).exec(expr);
  return m ? m.index + 1 : 1;
}

/** A cycle a → b → c → a written from `start`: start → … → start. */
function rotate(cycle: readonly string[], start: string): string[] {
  const ring = cycle.slice(0, -1);
  const at = ring.indexOf(start);
  const from = [...ring.slice(at), ...ring.slice(0, at)];
  return [...from, start];
}

/**
 * Each claim's `implies:` names an unknown figure of the set that its expression uses, and no
 * other unknown figure (the implied values would otherwise depend on a value nobody gives). A
 * claim that breaks this is a broken rule, reported at its `implies`.
 */
export function checkImplies(set: RuleSet, rawRules: readonly unknown[], y: ParsedYaml): void {
  const keep = [];
  for (const rule of set.rules) {
    const problem = rule.kind === 'claim' && rule.implies !== undefined ? impliesProblem(rule, set) : undefined;
    if (!problem) {
      keep.push(rule);
      continue;
    }
    const i = rawRules.findIndex((r) => isObject(r) && r.id === rule.id);
    const b: BrokenRule = {
      id: rule.id,
      severity: rule.severity,
      declared: rule.declared,
      documentPath: rule.documentPath,
      quote: (rule as LoadedClaimRule).quote,
      ...(rule.tags.length ? { tags: rule.tags } : {}),
      diagnostics: [
        makeDiagnostic({
          code: problem.code,
          message: `rule "${rule.id}": ${problem.message}`,
          position: y.positionOf(['rules', i, 'implies']),
          source: y.source,
          ...(problem.suggestions ? { suggestions: problem.suggestions } : {}),
        }),
      ],
    };
    set.broken.push(b);
  }
  set.rules = keep;
}

function impliesProblem(rule: LoadedClaimRule, set: RuleSet): { code: string; message: string; suggestions?: string[] } | undefined {
  const id = rule.implies!;
  const figure = set.figures.get(id);
  if (!figure) {
    const broken = set.brokenFigures.get(id);
    if (broken) return { code: 'implied-figure', message: `it implies "${id}", which could not be read: see the problem reported at ${broken.file}:${broken.line}:${broken.col}` };
    return { code: 'unknown-figure', message: `it implies unknown figure "${id}"`, suggestions: didYouMean(id, [...set.figures.keys()], 1) };
  }
  if (figure.interval !== null || figure.derived) {
    const what = figure.derived ? 'derived from an expression' : figure.items ? 'a count' : figure.anchor ? 'quoted from the document' : 'a cited value';
    return { code: 'implied-figure', message: `it implies "${id}", but "${id}" is ${what}: only a figure declared \`unknown: true\` can be implied by a claim` };
  }
  const compiled = compileExpression(rule.expr);
  if (!compiled.ok) return undefined; // the rule's own expression error is its verdict
  let symbols: readonly string[];
  try {
    symbols = linkProgram(compiled.compiled.program, definitionsOf(set.figures)).program.slots;
  } catch {
    return undefined;
  }
  if (!symbols.includes(id)) return { code: 'implied-figure', message: `it implies "${id}", but its expression does not use "${id}"` };
  const others = symbols.filter((s) => s !== id && set.figures.get(s)?.interval === null);
  if (others.length) {
    return {
      code: 'implied-figure',
      message: `it implies "${id}", but it also needs ${others.map((s) => `"${s}"`).join(', ')}, unknown too: a claim implies a figure only when that figure is the one unknown it needs`,
    };
  }
  return undefined;
}

/** The text of a file, from the rule file itself or the figure files the cache has parsed. */
export function sourcesFrom(y: ParsedYaml, parsed: ReadonlyMap<string, { yaml?: ParsedYaml }>): SourceOf {
  return (file) => (file === y.file ? y.source : parsed.get(normalize(file))?.yaml?.source);
}
