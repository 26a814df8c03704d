/**
 * The names a rule's expression uses, checked when the rule file is loaded: an unknown function
 * or figure is a typo of the rule writer, so it is reported at its place in the YAML file
 * (line:col of the name inside the expression), with one "did you mean", before anything is
 * judged. The rule becomes a BrokenRule (verdict `error`); the file's other rules still load.
 */
import { namesOf } from '../evaluate/index.js';
import type { BrokenRule, Diagnostic, LoadedRule, RuleSet } from '../model.js';
import { didYouMean } from '../suggest.js';
import { columnOf } from './derived-check.js';
import { makeDiagnostic } from './diagnostics.js';
import { definitionAt, placeInExpression } from './figure-derived.js';
import { isObject } from './plain.js';
import type { ParsedYaml } from './yaml.js';

/** Problems with the names of one rule's expression (none: the names are all known). */
function nameProblems(rule: LoadedRule, index: number, set: RuleSet, y: ParsedYaml): Diagnostic[] {
  // Where the expression stands in the file is worked out only for a rule with a problem.
  const at = (col: number) => {
    const field = rule.kind === 'assert' ? 'assert' : 'expr';
    const place = definitionAt(rule.expr, y.positionOf(['rules', index, field]), y.scalarSource(['rules', index, field]));
    return placeInExpression(place, col);
  };
  const names = namesOf(rule.expr);
  if (!names.ok) {
    // Other refusals (syntax, operators) stay the rule's verdict message, as before.
    const { message, col, suggestions } = names.error;
    if (!message.startsWith('unknown function')) return [];
    return [makeDiagnostic({ code: 'unknown-function', message: `rule "${rule.id}": ${message}`, position: at(col), source: y.source, suggestions })];
  }
  return names.symbols
    // A figure declared but unreadable is reported where it is declared; judging says so.
    .filter((name) => !set.figures.has(name) && !set.brokenFigures.has(name))
    .map((name) =>
      makeDiagnostic({
        code: 'unknown-figure',
        message: `rule "${rule.id}" uses unknown figure "${name}"`,
        position: at(columnOf(rule.expr, name)),
        source: y.source,
        suggestions: didYouMean(name, [...set.figures.keys()], 1),
      }),
    );
}

/** Break every rule of the set whose expression names an unknown function or figure. */
export function checkRuleNames(set: RuleSet, rawRules: readonly unknown[], y: ParsedYaml): void {
  const keep: LoadedRule[] = [];
  // Each id's first place in the file, found in one pass (a search per rule was quadratic).
  const indexOf = new Map<unknown, number>();
  rawRules.forEach((r, i) => {
    if (isObject(r) && !indexOf.has(r.id)) indexOf.set(r.id, i);
  });
  for (const rule of set.rules) {
    const index = indexOf.get(rule.id);
    const problems = index === undefined ? [] : nameProblems(rule, index, set, y);
    if (problems.length === 0) {
      keep.push(rule);
      continue;
    }
    const broken: BrokenRule = {
      id: rule.id,
      severity: rule.severity,
      declared: rule.declared,
      documentPath: rule.documentPath,
      ...(rule.quote !== undefined ? { quote: rule.quote } : {}),
      ...(rule.tags.length ? { tags: rule.tags } : {}),
      diagnostics: problems,
    };
    set.broken.push(broken);
  }
  set.rules = keep;
}
