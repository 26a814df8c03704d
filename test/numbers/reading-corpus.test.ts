/**
 * The reading corpus (reading-corpus.tsv): written forms in Vietnamese and English — every number
 * of the bundled document, the examples of issue 10, sentences in the style of statistical
 * offices and newspapers, and systematic forms — each with the class, value, interval, hedge
 * and unit a careful reader reads in it. One table, one test: every row must read as written.
 *
 * The notation of the table is decoded here with plain BigInt arithmetic, independently of the
 * reader: 45481e9, 6.98% (a fraction 0.0698), 1/3, lo..hi; ±h, [lo;hi], exact.
 */
import { readFileSync } from 'node:fs';
import Fraction from 'fraction.js';
import { describe, expect, it } from 'vitest';
import type { Locale, NumberKind } from '../../src/model.js';
import { findHedge, scanNumbers, writtenInterval } from '../../src/numbers/index.js';

interface Row {
  line: number;
  locale: Locale;
  text: string;
  number: string;
  kind: NumberKind | 'none';
  value: string;
  interval: string;
  hedge: string;
  position: string;
  unit: string;
  source: string;
}

const rows: Row[] = readFileSync(new URL('./reading-corpus.tsv', import.meta.url), 'utf8')
  .split('\n')
  .map((l, i) => ({ l, line: i + 1 }))
  .filter(({ l }) => l && !l.startsWith('#') && !l.startsWith('locale\t'))
  .map(({ l, line }) => {
    const [locale, text, number, kind, value, interval, hedge, position, unit, source] = l.split('\t') as string[];
    return { line, locale: locale as Locale, text: text!, number: number!, kind: kind as Row['kind'], value: value!, interval: interval!, hedge: hedge!, position: position!, unit: unit!, source: source! };
  });

/** "45481e9", "6.98%", "1/3", "-0.5e-3" → an exact rational, by BigInt arithmetic. */
function term(s: string): Fraction {
  const ratio = /^(-?[0-9]+)\/([0-9]+)$/.exec(s);
  if (ratio) return new Fraction(BigInt(ratio[1]!), BigInt(ratio[2]!));
  const m = /^(-?)([0-9]+)(?:\.([0-9]+))?(?:e(-?[0-9]+))?(%)?$/.exec(s);
  if (!m) throw new Error(`bad term "${s}"`);
  const frac = m[3] ?? '';
  let num = BigInt(m[2]! + frac);
  let den = 10n ** BigInt(frac.length);
  const exp = Number(m[4] ?? 0);
  if (exp >= 0) num *= 10n ** BigInt(exp);
  else den *= 10n ** BigInt(-exp);
  if (m[5]) den *= 100n;
  return new Fraction(m[1] ? -num : num, den);
}

function check(row: Row): string[] {
  const text = row.text.normalize('NFC');
  const found = scanNumbers(text, row.locale);
  if (row.number === '∅') return found.length === 0 ? [] : [`expected no number, found ${found.map((n) => `"${n.text}" (${n.kind})`).join(', ')}`];
  const n = found.find((x) => x.text === row.number);
  if (!n) return [`no number "${row.number}"; found ${found.map((x) => `"${x.text}" (${x.kind})`).join(', ') || 'none'}`];
  const problems: string[] = [];
  const want = (what: string, got: unknown, expected: unknown) => {
    if (got !== expected) problems.push(`${what}: got ${String(got)}, expected ${String(expected)}`);
  };
  want('class', n.kind, row.kind);
  if (row.value !== '-') {
    const [lo, hi] = row.value.split('..').map(term) as [Fraction, Fraction | undefined];
    if (hi) {
      want('range', n.range ? `${n.range[0].value.toFraction()}..${n.range[1].value.toFraction()}` : 'none', `${lo.toFraction()}..${hi.toFraction()}`);
    } else {
      want('value', n.value.toFraction(), lo.toFraction());
    }
    const iv = writtenInterval(n);
    let exp: [Fraction, Fraction];
    if (row.interval === 'exact') exp = [n.value, n.value];
    else if (row.interval.startsWith('±')) exp = [lo.sub(term(row.interval.slice(1))), lo.add(term(row.interval.slice(1)))];
    else {
      const m = /^\[(.+);(.+)\]$/.exec(row.interval);
      if (!m) throw new Error(`bad interval "${row.interval}" at line ${row.line}`);
      exp = [term(m[1]!), term(m[2]!)];
    }
    want('interval', `[${iv.lo.toFraction()}; ${iv.hi.toFraction()}]`, `[${exp[0].toFraction()}; ${exp[1].toFraction()}]`);
    want('unit', n.unitInfo?.code ?? '-', row.unit);
    const h = findHedge(text, n, row.locale);
    want('hedge', h ? `${h.reading} ${h.position}` : '-', row.hedge === '-' ? '-' : `${row.hedge} ${row.position}`);
  }
  return problems;
}

describe('the reading corpus', () => {
  it('reads every written form as a careful reader does (one row per form)', () => {
    const failures = rows.flatMap((row) => check(row).map((p) => `line ${row.line} [${row.locale}] “${row.text}” → “${row.number}”: ${p}`));
    expect(failures).toEqual([]);
  });

  it('is large and varied enough to mean something', () => {
    expect(rows.length).toBeGreaterThanOrEqual(400);
    const count = (pred: (r: Row) => boolean) => rows.filter(pred).length;
    expect(count((r) => r.locale === 'vi-VN')).toBeGreaterThanOrEqual(150);
    expect(count((r) => r.locale === 'en')).toBeGreaterThanOrEqual(150);
    expect(count((r) => r.source === 'seed')).toBeGreaterThanOrEqual(103);
    expect(count((r) => r.source !== 'made' && r.source !== 'seed' && r.source !== 'issue')).toBeGreaterThanOrEqual(50);
    for (const kind of ['quantity', 'range', 'year', 'date', 'document-number', 'name', 'ordinal', 'identifier', 'label', 'malformed', 'none']) {
      expect(count((r) => r.kind === kind), kind).toBeGreaterThan(0);
    }
    for (const hedge of ['about', 'nearly', 'more-than', 'less-than', 'at-least', 'at-most']) {
      expect(count((r) => r.hedge === hedge && r.position === 'before'), hedge).toBeGreaterThan(0);
    }
    expect(count((r) => r.position === 'after')).toBeGreaterThan(10);
  });

  it('decodes its own notation exactly', () => {
    expect(term('45481e9').toString()).toBe('45481000000000');
    expect(term('6.98%').toFraction()).toBe('349/5000');
    expect(term('1/3').toFraction()).toBe('1/3');
    expect(term('0.5e-3').toFraction()).toBe('1/2000');
    expect(() => term('1,5')).toThrow(/bad term/);
  });
});
