/**
 * One entry of a rule file, anchored in the document: a rule (a claim, with its stated number
 * read from the quote, or an assertion) or an ignore. A rule that cannot be anchored becomes a
 * BrokenRule (reported as verdict `error`), never a silent omission.
 */
import Fraction from 'fraction.js';
import type {
  AuditedDocument,
  BrokenRule,
  Diagnostic,
  IgnoreRule,
  LoadedClaimRule,
  LoadedRule,
  NumberKind,
  Position,
  Reading,
  Severity,
} from '../model.js';
import { defaultReadingOf, findHedge } from '../numbers/index.js';
import { findQuote } from './find-quote.js';
import { selectNumber } from './select-number.js';
import { makeDiagnostic } from './diagnostics.js';
import { compileIgnorePattern } from './ignore-pattern.js';
import { MAX_EXPRESSION_DEPTH, MAX_EXPRESSION_LENGTH } from './policy.js';
import type { ParsedYaml } from './yaml.js';
import { str } from './plain.js';

export const DEFAULT_TOLERANCE = '5%';

/** "5%" or "2,5%" → 1/20, 1/40. */
export function parseTolerance(text: string): Fraction {
  const known = tolerances.get(text);
  if (known) return known;
  const m = /^\s*([0-9]+(?:[.,][0-9]+)?)\s*%\s*$/.exec(text);
  if (!m) throw new Error(`invalid tolerance "${text}": write a percentage like "5%"`);
  const tolerance = new Fraction(m[1]!.replace(',', '.')).div(100);
  if (tolerances.size < 256) tolerances.set(text, tolerance);
  return tolerance;
}

/** Tolerances read so far (Fractions are immutable): nearly every rule has the default one. */
const tolerances = new Map<string, Fraction>();

/**
 * Why an expression is refused before mathjs parses it (a rule file is untrusted input): longer
 * than MAX_EXPRESSION_LENGTH, or brackets nested deeper than MAX_EXPRESSION_DEPTH (the parser
 * recurses per bracket). Undefined when it may be parsed.
 */
export function expressionLimitProblem(text: string): { code: string; message: string } | undefined {
  if (text.length > MAX_EXPRESSION_LENGTH) {
    return { code: 'expression-too-long', message: `the expression is ${text.length} characters long, over the limit of ${MAX_EXPRESSION_LENGTH}` };
  }
  let depth = 0;
  for (const ch of text) {
    if (ch === '(' || ch === '[' || ch === '{') {
      if (++depth > MAX_EXPRESSION_DEPTH) {
        return { code: 'expression-too-deep', message: `the expression nests brackets more than ${MAX_EXPRESSION_DEPTH} deep` };
      }
    } else if (ch === ')' || ch === ']' || ch === '}') {
      depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}

export interface RuleContext {
  y: ParsedYaml;
  doc: AuditedDocument;
  declared: Position;
  defaultSeverity: Severity;
  defaultReading?: Reading;
}

/** One rule of the rule file (`rules[i]`), anchored, or broken with the reason. */
export function loadRule(
  rule: Record<string, unknown>,
  i: number,
  ctx: RuleContext,
): { rule: LoadedRule } | { broken: BrokenRule } {
  const { y, doc, declared } = ctx;
  const id = String(rule.id);
  const severity = (str(rule.severity) as Severity | undefined) ?? ctx.defaultSeverity;
  const quote = str(rule.quote);
  const occurrence = typeof rule.occurrence === 'number' ? rule.occurrence : undefined;
  const tags = Array.isArray(rule.tags) ? rule.tags.map(String) : [];
  const at = (field: string) => y.positionOf(['rules', i, field]);
  const broken = (code: string, message: string, position: Position): { broken: BrokenRule } => {
    const b: BrokenRule = {
      id,
      severity,
      declared,
      documentPath: doc.path,
      ...(tags.length ? { tags } : {}),
      diagnostics: [makeDiagnostic({ code, message: `rule "${id}": ${message}`, position, source: y.source })],
    };
    if (quote !== undefined) b.quote = quote;
    return { broken: b };
  };
  // Every rule is built by adding keys to one literal, in one order: spreading it into a bigger
  // literal (`{ ...common, kind }`) would give each rule a V8 hidden class of its own (Node 20).
  const common: { id: string; severity: Severity; tags: string[]; declared: Position; documentPath: string; note?: string; description?: string } = {
    id,
    severity,
    tags,
    declared,
    documentPath: doc.path,
  };
  if (str(rule.note) !== undefined) common.note = str(rule.note);
  if (str(rule.description) !== undefined) common.description = str(rule.description);

  const exprField = typeof rule.assert === 'string' ? 'assert' : 'expr';
  const tooMuch = expressionLimitProblem(str(rule[exprField]) ?? '');
  if (tooMuch) return broken(tooMuch.code, tooMuch.message, at(exprField));

  let anchor;
  if (quote !== undefined) {
    const found = findQuote(doc, quote, occurrence);
    if (!found.ok) return broken(found.code, found.message, at('quote'));
    anchor = found.anchor;
  }

  if (typeof rule.assert === 'string') {
    const assertion: LoadedRule = Object.assign(common, { kind: 'assert' as const, expr: rule.assert });
    if (quote !== undefined && anchor) Object.assign(assertion, { quote, anchor });
    return { rule: assertion };
  }

  // A claim: the schema guarantees quote and expr.
  if (!anchor || quote === undefined) return broken('missing-key', 'a claim rule needs a "quote"', declared);
  const sel = selectNumber(doc, anchor, str(rule.number));
  if (!sel.ok) return broken(sel.code, sel.message, at(rule.number !== undefined ? 'number' : 'quote'));
  const stated = sel.number;

  const explicit = str(rule.reading) as Reading | undefined;
  // The reading, most specific first: the rule's own `reading`, then the text — a hedge before
  // or after the number ("hơn 12.000", "60% trở lên"), a range, a number written in words or
  // as a ratio (read `about`) — then the file's `defaults`, then `round`.
  const found = explicit ? undefined : findHedge(doc.text, stated, doc.locale);
  // A range takes only a two-sided hedge ("khoảng 8-9%"); "từ 60% trở lên" is no range.
  const hedge = found && (stated.kind !== 'range' || found.reading === 'about') ? found : undefined;
  let reading: Reading;
  if (explicit) reading = explicit;
  else if (hedge) reading = hedge.reading;
  else if (stated.kind === 'range') reading = 'range';
  else reading = defaultReadingOf(stated) ?? (ctx.defaultReading && ctx.defaultReading !== 'range' ? ctx.defaultReading : 'round');
  if (reading === 'range' && stated.kind !== 'range') {
    return broken(
      'invalid-reading',
      `reading "range" needs a range like "8-9%", but the stated number "${stated.text}" is a single value`,
      at(explicit ? 'reading' : 'quote'),
    );
  }
  if (reading !== 'range' && reading !== 'about' && stated.kind === 'range') {
    return broken(
      'invalid-reading',
      `the stated number "${stated.text}" is a range; it can only be read as "range" or "about" (not "${reading}")`,
      at('reading'),
    );
  }

  let tolerance: Fraction;
  try {
    tolerance = parseTolerance(str(rule.tolerance) ?? DEFAULT_TOLERANCE);
  } catch (e) {
    return broken('invalid-value', (e as Error).message, at('tolerance'));
  }

  // Keys in the order reports have always shown them: the hedge, then the tolerance.
  const claim = Object.assign(common, { kind: 'claim' as const, quote, anchor, stated, expr: String(rule.expr), reading }) as LoadedClaimRule;
  if (hedge) Object.assign(claim, { hedge: hedge.word, hedgePosition: hedge.position });
  claim.tolerance = tolerance;
  if (typeof rule.implies === 'string') claim.implies = rule.implies;
  return { rule: claim };
}

/** One `ignore:` entry (`ignore[i]`), or the problem that leaves it out. */
export function loadIgnore(
  spec: Record<string, unknown>,
  i: number,
  y: ParsedYaml,
  doc: AuditedDocument,
): { ignore: IgnoreRule } | { problem: Diagnostic } {
  const diag = (code: string, message: string, position: Position) =>
    makeDiagnostic({ code, message, position, source: y.source });
  const declared = y.positionOf(['ignore', i]);
  const ig: IgnoreRule = { reason: String(spec.reason), declared };
  if (spec.text === undefined && spec.pattern === undefined && spec.kind === undefined && spec.quote === undefined) {
    const message = 'an ignore entry needs "text", "pattern", "kind" or "quote" to say what it ignores';
    return { problem: diag('invalid-ignore', message, declared) };
  }
  if (typeof spec.text === 'string') ig.text = spec.text;
  if (typeof spec.kind === 'string') ig.kind = spec.kind as NumberKind;
  if (typeof spec.pattern === 'string') {
    const compiled = compileIgnorePattern(spec.pattern);
    if (!compiled.ok) return { problem: diag('invalid-pattern', compiled.message, y.positionOf(['ignore', i, 'pattern'])) };
    ig.pattern = compiled.pattern;
  }
  if (typeof spec.quote === 'string') {
    const found = findQuote(doc, spec.quote);
    // An ignore may cover a sentence repeated verbatim; only a stale quote is a problem.
    if (!found.ok && found.code === 'quote-not-found') {
      return { problem: diag(found.code, found.message, y.positionOf(['ignore', i, 'quote'])) };
    }
    ig.quote = spec.quote;
  }
  return { ignore: ig };
}
