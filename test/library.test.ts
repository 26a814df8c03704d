/**
 * The package as a library: `import { audit } from 'tally'` resolves to the built bundle with its
 * type declarations next to it, and gives the same audit as the source.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit as auditFromSource } from '../src/audit.js';

const ROOT = path.resolve(import.meta.dirname, '..');

describe('the tally package', () => {
  it('exports the typed library API from its built entry point', async () => {
    const name = 'tally'; // resolved through package.json "exports" (self-reference), as a user would
    const lib = (await import(name)) as typeof import('../src/index.js');
    expect(typeof lib.audit).toBe('function');
    expect(typeof lib.explain).toBe('function');
    expect([...lib.reporters.keys()]).toEqual(expect.arrayContaining(['console', 'json', 'markdown', 'html', 'junit', 'sarif', 'github']));
    const options = { paths: [path.join(ROOT, 'rules')], cwd: ROOT, today: '2026-01-01' };
    expect(lib.audit(options)).toEqual(auditFromSource(options));
    const declarations = fs.readFileSync(path.join(ROOT, 'dist/types/index.d.ts'), 'utf8');
    expect(declarations).toMatch(/export \{ audit, auditSources, explain/);
  });
});
