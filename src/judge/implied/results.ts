/**
 * The results implied figures give: the verdict of a claim that implies a figure, and the check
 * that the claims implying one figure agree.
 *
 * A claim that implies a figure holds by construction — the figure is defined as whatever makes
 * it hold — so passing it would count a sentence as verified when nothing was compared with it:
 * it stays `unverifiable` (what it needs is not given), and says the values it implies and which
 * rules check them. Only when no value at all makes it hold is it a `fail`.
 *
 * Two claims implying the same figure must agree: the agreement check passes with a witness (one
 * value every claim implies, each decided with the other figures within their precision) and
 * fails when their implied values have nothing in common (their outer bounds, proven, do not meet).
 */
import type Fraction from 'fraction.js';
import { intervals as I } from '../../evaluate/index.js';
import type { ImpliedReport, Interval, LoadedClaimRule, RuleResult, Severity } from '../../model.js';
import { Budget } from '../decide/index.js';
import { showValue } from '../show.js';
import { asked, impliedSet, impliesValue } from './implied-set.js';
import { valuesText, type ImpliedFigure, type ImpliedFigures, type ImplyingClaim } from './registry.js';

const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** The sentence of a claim and where it is: “131% of the plan” (doc.en.txt:1:34). */
function sentence(rule: LoadedClaimRule): string {
  return `“${rule.quote}” (${rule.documentPath}:${rule.anchor.line}:${rule.anchor.col})`;
}

export function impliedReport(entry: ImpliedFigure, values: string): ImpliedReport {
  return {
    figure: entry.figure.id,
    values,
    claims: entry.claims.map((c) => ({
      rule: c.rule.id,
      quote: c.rule.quote,
      line: c.rule.anchor.line,
      col: c.rule.anchor.col,
      start: c.rule.anchor.span.start,
      end: c.rule.anchor.span.end,
      values: c.text,
    })),
    usedBy: entry.usedBy,
  };
}

/** The result of a claim that implies `entry`'s figure (its stated value and figures already filled in). */
export function implyingResult(rule: LoadedClaimRule, entry: ImpliedFigure, result: RuleResult): RuleResult {
  const claim = entry.claims.find((c) => c.rule === rule)!;
  const id = entry.figure.id;
  result.implied = impliedReport(entry, claim.text);
  if (!claim.values.outer) {
    result.verdict = 'fail';
    result.proof = { kind: 'enclosure', evaluations: claim.spent, budget: claim.budget };
    result.message = `no value of ${id} makes “${rule.stated.text}” hold with the other figures within their precision`;
    return result;
  }
  result.verdict = 'unverifiable';
  result.missing = [id];
  const others = entry.claims.filter((c) => c !== claim).map((c) => c.rule.id);
  const checks = [...(others.length ? [`implied-${id} (agreement with ${others.join(', ')})`] : []), ...entry.usedBy];
  result.message =
    `implies ${id} ${inWords(claim.text)}: the values that make “${rule.stated.text}” hold; it defines ${id}, so it cannot be checked on its own` +
    (checks.length ? ` — ${checks.join(', ')} ${checks.length > 1 ? 'check' : 'checks'} the values it implies` : ` — no other rule uses ${id}`);
  return result;
}

const inWords = (values: string) => (values === 'any value' ? 'nothing (any value)' : values.startsWith('[') || values.startsWith('(') ? `∈ ${values}` : `= ${values}`);

/** The agreement checks whose last implying claim is declared in `file` (where they are reported). */
export function agreementResults(registry: ImpliedFigures, file: string): RuleResult[] {
  const out: RuleResult[] = [];
  for (const entry of registry.byFigure.values()) {
    const claims = entry.claims.filter((c) => c.values.outer);
    if (claims.length < 2 || claims[claims.length - 1]!.file !== file) continue;
    out.push(agreement(entry, claims));
  }
  return out;
}

function agreement(entry: ImpliedFigure, claims: ImplyingClaim[]): RuleResult {
  const last = claims[claims.length - 1]!.rule;
  const id = entry.figure.id;
  const severity = claims.map((c) => c.rule.severity).reduce((a, b) => (SEVERITY_RANK[b] > SEVERITY_RANK[a] ? b : a));
  const result: RuleResult = {
    id: `implied-${id}`,
    kind: 'assert',
    severity,
    verdict: 'warn',
    message: '',
    declared: last.declared,
    document: last.documentPath,
    quote: last.quote,
    anchor: { line: last.anchor.line, col: last.anchor.col, start: last.anchor.span.start, end: last.anchor.span.end },
    expr: claims.map((c) => `${c.rule.expr} = ${c.rule.stated.text}`).join(' and '),
    figures: [{ id, interval: valuesText(entry), impliedBy: claims.map((c) => c.rule.id) }],
    tags: [],
  };
  const budget = new Budget(claims[0]!.budget);
  const decided = decideAgreement(claims, entry, budget);
  const each = claims.map((c) => `${sentence(c.rule)} implies ${c.text}`).join('; ');
  result.implied = impliedReport(entry, valuesText(entry, decided.common));
  if (decided.verdict === 'fails') {
    result.verdict = 'fail';
    result.proof = { kind: 'enclosure', evaluations: budget.spent, budget: budget.limit };
    result.message = `the sentences imply different values of ${id}: ${each}; no value of ${id} makes them all hold`;
  } else if (decided.verdict === 'holds') {
    result.verdict = 'pass';
    const value = showValue(decided.witness, entry.style, entry.locale, entry.style ? 2 : 0);
    result.witness = { [id]: value };
    result.witnessAtWritten = false;
    result.proof = { kind: 'witness', evaluations: budget.spent, budget: budget.limit };
    result.message = `the sentences agree on ${id}: ${each}; at ${id} = ${value} every one of them holds`;
  } else {
    result.proof = { kind: 'none', evaluations: budget.spent, budget: budget.limit, reason: decided.reason };
    result.warning = { kind: 'undecided', message: `could not be decided: ${decided.reason}` };
    result.message = `could not be decided whether the sentences agree on ${id}: ${each}`;
  }
  return result;
}

type Agreement = { verdict: 'holds'; witness: Fraction; common: Interval } | { verdict: 'fails'; common: null } | { verdict: 'undecided'; reason: string; common: Interval | null };

/** Rounds of narrowing the common values before giving up on a witness. */
const ROUNDS = 3;

/**
 * One value every claim implies. The claims' implied values are intervals whose outer bounds are
 * proven: where they do not meet, nothing is common (fails). Otherwise the middle of the common
 * part (of the witnessed inner bounds first) is tried in every claim; failing that, each claim's
 * implied values are found again within the common part, more finely, and intersected.
 */
function decideAgreement(claims: ImplyingClaim[], entry: ImpliedFigure, budget: Budget): Agreement {
  let common: Interval | null = entry.domain;
  let inners: (Interval | null)[] = claims.map((c) => c.values.inner);
  for (let round = 0; ; round++) {
    if (!common) return { verdict: 'fails', common: null };
    const inner = inners.reduce<Interval | null>((d, x) => (d && x ? I.intersect(d, x) : null), common);
    for (const x of [inner, common].filter((c): c is Interval => c !== null && I.isBounded(c)).map(I.midpoint)) {
      if (claims.every((c) => impliesValue(asked(c.question, budget), x))) return { verdict: 'holds', witness: x, common };
    }
    if (round === ROUNDS || budget.exhausted || !I.isBounded(common)) break;
    const tolerance = I.width(common)!.div(10 ** (3 * (round + 1)));
    const within: Interval = common;
    const found = claims.map((c) => impliedSet(asked(c.question, budget, tolerance, within)));
    common = found.reduce<Interval | null>((d, f) => (d && f.outer ? I.intersect(d, f.outer) : null), within);
    inners = found.map((f) => f.inner);
  }
  return { verdict: 'undecided', common, reason: `no value of ${entry.figure.id} every sentence implies was found within the budget, nor a proof that none exists` };
}
