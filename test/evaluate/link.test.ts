/**
 * Linking derived figures into a program (src/evaluate/link.ts). The law: a linked program is the
 * expression with every derived figure replaced by its definition, in parentheses — the same
 * value at every point, the same figures, the same repeated figures — and a derived figure
 * named twice shares one node.
 */
import Fraction from 'fraction.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CycleError, compileExpression, enclose, linkExpression, linkProgram, type Program, type Value } from '../../src/evaluate/index.js';
import { rationalArb } from './helpers.js';

function compile(source: string) {
  const r = compileExpression(source);
  if (!r.ok) throw new Error(`${source}: ${r.error.message}`);
  return r.compiled;
}

/** Definitions by name, as the judge gives them: each its own compiled program. */
function definitions(defs: Record<string, string>): (name: string) => Program | undefined {
  return (name) => (defs[name] === undefined ? undefined : compile(defs[name]).program);
}

/** The expression with derived figures replaced by their definitions, textually (the reference). */
function substitute(source: string, defs: Record<string, string>): string {
  let out = source;
  for (let round = 0; round < 10; round++) {
    const next = out.replace(/\b[a-z]\w*\b(?!\s*\()/g, (name) => (defs[name] !== undefined ? `(${defs[name]})` : name));
    if (next === out) return out;
    out = next;
  }
  return out;
}

/** The value at a point, or the error's message (both sides must fail alike, e.g. ÷ 0). */
function valueAt(program: Program, point: Record<string, Fraction>): string {
  let v: Value;
  try {
    v = enclose(
      program,
      program.slots.map((id) => ({ lo: point[id]!, hi: point[id]! })),
    );
  } catch {
    return 'undefined';
  }
  return 'lo' in v ? `[${v.lo?.toFraction()}; ${v.hi?.toFraction()}]` : JSON.stringify(v);
}

const repeatedByName = (p: Program) => Object.fromEntries(p.slots.map((s, i) => [s, p.repeated[i]]));

describe('linkProgram', () => {
  it('replaces a derived figure by its definition, over base figures only', () => {
    const linked = linkExpression(compile('growth(revenue, plan)'), definitions({ plan: 'revenue / 131%' }));
    expect(linked.symbols).toEqual(['revenue']);
    expect(linked.named).toEqual(['revenue', 'plan']);
    expect(linked.derived).toEqual(['plan']);
    // growth(revenue, revenue / 1.31) = 0.31 whatever the revenue: revenue reaches the result twice.
    expect(linked.program.repeated).toEqual([true]);
    const v = linked.evaluate(new Map([['revenue', { lo: new Fraction(9805), hi: new Fraction(9805) }]]));
    expect('lo' in v && v.lo!.equals('0.31') && v.hi!.equals('0.31')).toBe(true);
  });

  it('shares one node for a derived figure named twice: d * d reaches a and b along two paths each', () => {
    const { program, derived } = linkProgram(compile('d * d').program, definitions({ d: 'a - b' }));
    expect(derived).toEqual(['d']);
    expect(program.nodes.filter((n) => n.kind === 'derived')).toHaveLength(1);
    expect(program.slots).toEqual(['a', 'b']);
    expect(program.repeated).toEqual([true, true]);
  });

  it('leaves a program without derived figures as it is', () => {
    const program = compile('a + b').program;
    expect(linkProgram(program, definitions({ c: 'a' })).program).toBe(program);
  });

  it('links nested definitions, each once', () => {
    const linked = linkExpression(compile('e + d'), definitions({ d: 'a * 2', e: 'd + b' }));
    expect(linked.symbols).toEqual(['a', 'b']);
    expect(linked.derived).toEqual(['e', 'd']);
    expect(linked.program.nodes.filter((n) => n.kind === 'derived').map((n) => (n.kind === 'derived' ? n.name : ''))).toEqual(['d', 'e']);
    expect(linked.program.repeated).toEqual([true, false]);
  });

  it('keeps the rule’s own sources and drops those of the definitions (their columns are another text’s)', () => {
    const linked = linkExpression(compile('ratio(r, p)'), definitions({ p: 'r / 1.31' }));
    const sourced = linked.program.nodes.filter((n) => n.source).map((n) => n.source!.text);
    expect(sourced).toEqual(['ratio(r, p)']);
  });

  it('refuses a cycle, naming it', () => {
    expect(() => linkProgram(compile('a + x').program, definitions({ x: 'y * 2', y: 'z + 1', z: 'x' }))).toThrow(CycleError);
    let thrown: unknown;
    try {
      linkProgram(compile('x').program, definitions({ x: 'y * 2', y: 'x' }));
    } catch (e) {
      thrown = e;
    }
    expect((thrown as CycleError).cycle).toEqual(['x', 'y', 'x']);
    expect((thrown as Error).message).toBe('derived figures refer to each other in a cycle: x → y → x');
  });
});

// ── the law, on random expressions ─────────────────────────────────────────────────────────

type E = { t: 'leaf'; name: string } | { t: 'const'; text: string } | { t: 'bin'; op: string; a: E; b: E } | { t: 'call'; fn: string; a: E; b: E };

const exprOver = (names: string[]): fc.Arbitrary<E> =>
  fc.letrec<{ e: E }>((tie) => ({
    e: fc.oneof(
      { depthSize: 'small' },
      { weight: 4, arbitrary: fc.constantFrom(...names).map((name) => ({ t: 'leaf' as const, name })) },
      { weight: 1, arbitrary: fc.integer({ min: 1, max: 99 }).map((n) => ({ t: 'const' as const, text: `${n}` })) },
      { weight: 3, arbitrary: fc.record({ t: fc.constant('bin' as const), op: fc.constantFrom('+', '-', '*', '/'), a: tie('e'), b: tie('e') }) },
      { weight: 1, arbitrary: fc.record({ t: fc.constant('call' as const), fn: fc.constantFrom('growth', 'ratio', 'share', 'pp', 'avg'), a: tie('e'), b: tie('e') }) },
    ),
  })).e;

const render = (e: E): string => {
  switch (e.t) {
    case 'leaf':
      return e.name;
    case 'const':
      return e.text;
    case 'bin':
      return `(${render(e.a)} ${e.op} ${render(e.b)})`;
    case 'call':
      return `${e.fn}(${render(e.a)}, ${render(e.b)})`;
  }
};

describe('the linking law (property)', () => {
  it('at every point, the linked program equals the expression with each derived figure written out; same figures, same repeated ones', () => {
    fc.assert(
      fc.property(
        exprOver(['a', 'b', 'c']),
        exprOver(['a', 'b', 'd0']),
        exprOver(['a', 'c', 'd0', 'd1']),
        fc.tuple(rationalArb(), rationalArb(), rationalArb()),
        (d0, d1, rule, [a, b, c]) => {
          const defs = { d0: render(d0), d1: render(d1) };
          const source = render(rule);
          const linked = linkExpression(compile(source), definitions(defs));
          const reference = compile(substitute(source, defs)).program;
          expect([...linked.symbols].sort()).toEqual([...reference.slots].sort());
          expect(repeatedByName(linked.program)).toEqual(repeatedByName(reference));
          const point = { a, b, c };
          expect(valueAt(linked.program, point)).toBe(valueAt(reference, point));
        },
      ),
      { numRuns: 300 },
    );
  });
});
