/**
 * The hardened mathjs instance that parses and compiles rule expressions.
 *
 * Expressions come from rule files, which can come from contributors' pull requests: they are
 * untrusted. The instance is the first two of three layers keeping them to arithmetic over
 * figures (the third is the AST whitelist, whitelist.ts):
 *
 * 1. A minimal instance: `create(...)` from the factories `parseDependencies` requires (see
 *    `parseFactories`), not all of mathjs: the parser and the node classes, whose `compile()` needs
 *    nothing more. It also starts fast (~10 ms to build), which is what users of the CLI feel.
 * 2. The mathjs security guide: `import`, `createUnit`, `reviver`, `evaluate`, `parse`, `simplify`,
 *    `derivative`, `resolve` and `compile` are replaced by functions that throw.
 *
 * The operators a compiled OperatorNode calls are imported as our interval operations
 * (operators.ts), and the claim functions as the registry's, so `node.compile()` computes over
 * intervals and nothing else.
 */
import { create, factory, parseDependencies, type FactoryFunction, type FactoryFunctionMap, type MathNode } from 'mathjs';
import { functionRegistry } from './functions/index.js';
import { OPERATORS, callable } from './operators.js';

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

type NodeCtor<A extends unknown[]> = new (...args: A) => MathNode;
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
 * and the whitelist refuses those nodes before anything is compiled. `node.compile()` needs only the
 * instance itself (`math`, `mathWithTransform`), which `create` provides.
 */
function parseFactories(): FactoryFunctionMap {
  const byName = new Map<string, Factory>();
  const collect = (map: FactoryFunctionMap | undefined): void => {
    for (const v of Object.values(map ?? {})) {
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
  Nodes: {
    ConstantNode: NodeCtor<[unknown]>;
    SymbolNode: NodeCtor<[string]>;
    ParenthesisNode: NodeCtor<[MathNode]>;
    OperatorNode: NodeCtor<[string, string, MathNode[]]>;
    FunctionNode: NodeCtor<[MathNode, MathNode[]]>;
  };
}

let hardened: Hardened | undefined;

/** Built on first use, so commands that never compile an expression do not pay for it. */
export function instance(): Hardened {
  if (hardened) return hardened;
  const math = create(parseFactories());
  // Taken before `parse` is disabled inside expressions: the instance keeps working for us.
  const parse: (expr: string) => MathNode = math.parse;
  math.import(
    {
      ...Object.fromEntries(Object.entries(OPERATORS).map(([name, spec]) => [name, spec.impl])),
      ...Object.fromEntries([...functionRegistry.values()].map((fn) => [fn.name, callable(fn)])),
    },
    { override: true },
  );
  // Last, and `import` itself among them: nothing can change the instance after this.
  math.import(Object.fromEntries(DISABLED.map((name) => [name, disabled(name)])), { override: true });
  hardened = {
    math: math as unknown as Record<string, unknown>,
    parse,
    statics: parse as unknown as ParseStatics,
    Nodes: math as unknown as Hardened['Nodes'],
  };
  return hardened;
}

/** The hardened instance, for tests that check the hardening itself; not part of the public API. */
export function hardenedInstanceForTests(): Readonly<Record<string, unknown>> {
  return instance().math;
}
