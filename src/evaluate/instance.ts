/**
 * The hardened mathjs instance that parses rule expressions.
 *
 * Expressions come from rule files, which can come from contributors' pull requests: they are
 * untrusted. The instance is the first two of three layers keeping them to arithmetic over
 * figures (the third is the AST whitelist, whitelist.ts):
 *
 * 1. A minimal instance: `create(...)` from the factories `parseDependencies` requires (see
 *    `parseFactories`), not all of mathjs: the parser and the node classes, nothing more. It also starts fast (~10 ms to build), which is what users of the CLI feel.
 * 2. The mathjs security guide: `import`, `createUnit`, `reviver`, `evaluate`, `parse`, `simplify`,
 *    `derivative`, `resolve` and `compile` are replaced by functions that throw.
 *
 * mathjs only parses: the checked tree is turned into our own program (whitelist.ts,
 * program.ts) and evaluated by our interval code, so no mathjs `compile()` ever runs on a rule.
 */
import { create, factory, parseDependencies, type FactoryFunction, type FactoryFunctionMap, type MathNode } from 'mathjs';

/** Disabled per mathjs's security guide (docs/expressions/security.md). */
const DISABLED = [
  'import',
  'createUnit',
  'reviver',
  'evaluate',
  'parse',
  'simplify',
  'derivative',
  'resolve',
  'compile',
] as const;
export const DISABLED_SET: ReadonlySet<string> = new Set(DISABLED);

function disabled(name: string) {
  return () => {
    throw new Error(`Function ${name} is disabled`);
  };
}

/** mathjs's own character classes, attached to `parse`: identifiers are tokenised as it does. */
export interface ParseStatics {
  isAlpha?: (c: string, prev: string, next: string) => boolean;
}

type Factory = FactoryFunction<unknown> & { fn: string; dependencies: readonly string[] };

/**
 * The factories `parse` needs, taken from mathjs's own `parseDependencies` by following the
 * required dependencies from `parse`. Left out: the optional `Unit` (its construction alone costs
 * ~100 ms of start-up and drags in multiply, pow, det, inv …; SymbolNode works without it). Stubbed:
 * `subset` and `size`, which only compiled AccessorNode / AssignmentNode / IndexNode would call,
 * and the whitelist refuses those nodes before anything is built from them.
 */
function parseFactories(): FactoryFunctionMap {
  const byName = new Map<string, Factory>();
  // The dependency maps share their sub-maps: each is walked once (walking every path took ms).
  const walked = new Set<FactoryFunctionMap>();
  const collect = (map: FactoryFunctionMap | undefined): void => {
    if (!map || walked.has(map)) return;
    walked.add(map);
    for (const v of Object.values(map)) {
      if (typeof v === 'function') byName.set((v as Factory).fn, v as Factory);
      else collect(v);
    }
  };
  collect(parseDependencies);
  for (const name of ['subset', 'size']) {
    const stub = factory(name, [] as const, () => () => {
      throw new Error(`${name} is not available in rule expressions`);
    });
    byName.set(name, stub as Factory);
  }
  const needed: FactoryFunctionMap = {};
  const visit = (name: string): void => {
    const f = byName.get(name);
    if (!f || needed[name]) return;
    needed[name] = f;
    for (const dep of f.dependencies) if (!dep.startsWith('?')) visit(dep);
  };
  visit('parse');
  return needed;
}

export interface Hardened {
  math: Record<string, unknown>;
  parse: (expr: string) => MathNode;
  statics: ParseStatics;
}

let hardened: Hardened | undefined;

/** Built on first use, so commands that never compile an expression do not pay for it. */
export function instance(): Hardened {
  if (hardened) return hardened;
  const math = create(parseFactories());
  // Taken before `parse` is disabled inside expressions: the instance keeps working for us.
  const parse: (expr: string) => MathNode = math.parse;
  // `import` itself among them: nothing can change the instance after this.
  math.import(Object.fromEntries(DISABLED.map((name) => [name, disabled(name)])), { override: true });
  hardened = {
    math: math as unknown as Record<string, unknown>,
    parse,
    statics: parse as unknown as ParseStatics,
  };
  return hardened;
}

/** The hardened instance, for tests that check the hardening itself; not part of the public API. */
export function hardenedInstanceForTests(): Readonly<Record<string, unknown>> {
  return instance().math;
}
