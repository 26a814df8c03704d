/**
 * Objects made once per claim share their V8 hidden class. In V8 11 (Node 20) a literal that
 * spreads another object and adds keys (`{ ...base, status }`, `{ a, ...(x ? { b } : {}) }`)
 * gets a hidden class of its own each time it is evaluated: at 3 000 claims that was 30 000
 * classes and a fifth of the heap. The built library audits a synthetic rule set in a child
 * process run with V8's natives syntax, and every object of one key list must have one class.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain ES module of the dev tools, without declarations
import { regionAudit } from '../../src/dev/synthetic.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Runs in the child: per collection, how many objects were compared and how many had another class than the first of their key list. */
const PROBE = `
const lib = await import(${JSON.stringify(path.join(ROOT, 'dist/index.js'))});
const dir = process.argv[1];
const options = { paths: [dir + '/rules.yaml'], cwd: dir, today: '2026-01-01', maxYamlSize: 64 * 2 ** 20 };
const loaded = lib.loadAudit(options);
const audited = lib.judgeAudit(loaded, options);
const [set] = loaded.ruleSets;
const claims = set.rules.filter((r) => r.kind === 'claim');
const collections = {
  rules: set.rules,
  stated: claims.map((r) => r.stated),
  figures: [...set.figures.values()],
  written: [...set.figures.values()].map((f) => f.written).filter(Boolean),
  results: audited.results,
  computed: audited.results.map((r) => r.computed).filter(Boolean),
  coverage: audited.coverage.flatMap((c) => c.numbers),
};
const out = {};
for (const [name, objects] of Object.entries(collections)) {
  const first = new Map();
  let other = 0;
  for (const o of objects) {
    const key = Object.keys(o).join(',');
    if (!first.has(key)) first.set(key, o);
    else if (!%HaveSameMap(first.get(key), o)) other++;
  }
  out[name] = { objects: objects.length, other };
}
console.log(JSON.stringify(out));
`;

describe('hidden classes', () => {
  it('are shared by the rules, figures, numbers, results and coverage entries of an audit', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tally-classes-'));
    regionAudit(dir, 600);
    const stdout = execFileSync(process.execPath, ['--allow-natives-syntax', '--input-type=module', '-e', PROBE, dir], { encoding: 'utf8' });
    const counts = JSON.parse(stdout) as Record<string, { objects: number; other: number }>;
    for (const [name, { objects, other }] of Object.entries(counts)) {
      expect(objects, name).toBeGreaterThanOrEqual(300);
      expect(other, `${name}: objects with a hidden class of their own`).toBe(0);
    }
  });
});
