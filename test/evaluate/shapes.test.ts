/**
 * The shape cache (src/evaluate/shapes.ts): an expression compiled by renaming the program of an
 * earlier one of the same shape is exactly what compiling it alone gives — names, columns, texts,
 * repeated figures — and names the compiler treats by what they are never take part.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileAlone, compileExpression, namesOf, type CompileResult } from '../../src/evaluate/compile.js';
import { renameProgram, shapeOf } from '../../src/evaluate/shapes.js';
import { exprArb, render } from './expressions.js';

/** Everything a compiled expression says, texts read through their getters. */
function observed(r: CompileResult) {
  if (!r.ok) return r;
  const c = r.compiled;
  const nodes = c.program.nodes.map((n) => ({ ...n, source: n.source ? { col: n.source.col, text: n.source.text } : undefined }));
  return { source: c.source, symbols: c.symbols, functions: c.functions, result: c.result, program: { ...c.program, nodes } };
}

const figureName = fc.stringMatching(/^[a-z][a-z0-9_]{0,14}$/).filter((n) => shapeOf(`${n} + 1`) !== null);
const spacing = fc.constantFrom('', ' ', '  ');

describe('expressions of one shape compile once', () => {
  it('law: compiling through a template of the same shape is compiling alone', () => {
    fc.assert(
      fc.property(exprArb, fc.uniqueArray(figureName, { minLength: 4, maxLength: 4 }), fc.uniqueArray(figureName, { minLength: 4, maxLength: 4 }), spacing, (e, a, b, space) => {
        const written = render(e).replace(/ /g, space);
        const as = (names: string[]) => written.replace(/\bx(\d)\b/g, (_, i: string) => names[Number(i)]!);
        compileExpression(as(a)); // the template
        const renamed = as(b);
        // The names read off the template are the compilation's (what the load stage checks).
        const alone = compileAlone(renamed);
        expect(namesOf(renamed)).toEqual(alone.ok ? { ok: true, symbols: alone.compiled.symbols } : alone);
        expect(observed(compileExpression(renamed))).toEqual(observed(alone));
        // … and it was the template that gave it, not a compilation of its own.
        const template = compileAlone(as(a));
        const [from, to] = [shapeOf(as(a)), shapeOf(renamed)];
        if (template.ok && from && to) expect(renameProgram(template.compiled.program, from, to)).not.toBeNull();
      }),
      { numRuns: 400 },
    );
  });

  it('shares a program between figures of one pattern, not between patterns of repetition', () => {
    expect(shapeOf('growth(revenue_2024, revenue_2023)')!.key).toBe(shapeOf('growth(exports_2024, x)')!.key);
    expect(shapeOf('(a - b) / b')!.key).not.toBe(shapeOf('(a - b) / c')!.key);
    expect(shapeOf('a - b')!.key).not.toBe(shapeOf('a  -  b')!.key);
  });

  it('renames figures in texts, not the letters of a number (e5 in 1e5)', () => {
    compileExpression('1e5 * e5 + growth(e5, x)');
    const renamed = compileExpression('1e5 * revenue + growth(revenue, y)');
    expect(observed(renamed)).toEqual(observed(compileAlone('1e5 * revenue + growth(revenue, y)')));
  });

  it('never renames functions, parser constants or names the compiler refuses', () => {
    for (const name of ['growth', 'sum', 'true', 'Infinity', 'end', '__proto__', 'constructor', 'and']) {
      expect(shapeOf(`x + ${name}`)?.names ?? []).not.toContain(name);
    }
    // A refused name compiles to its own message, whatever compiled before it.
    compileExpression('a + b');
    const refused = compileExpression('a + constructor');
    expect(refused.ok).toBe(false);
    expect(refused).toEqual(compileAlone('a + constructor'));
  });
});
