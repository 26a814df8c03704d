/**
 * The schema validators are code generated at build time (src/dev/validators.ts). The test run
 * builds without regenerating them (test/setup/global-setup.ts), so a schema changed without
 * `npm run build` fails here instead of validating files against the old schema.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateValidators } from '../../src/dev/validators.js';
import { VALIDATED_SCHEMAS } from '../../src/load/validated-schemas.js';
import * as validators from '../../src/load/validators.generated.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('generated schema validators', () => {
  it('are what the schemas generate today (run npm run build if not)', () => {
    const generated = generateValidators();
    expect(Object.keys(generated).sort()).toEqual(['src/load/validators.generated.d.ts', 'src/load/validators.generated.js']);
    for (const [file, text] of Object.entries(generated)) expect(fs.readFileSync(path.join(ROOT, file), 'utf8'), file).toBe(text);
  });

  it('export one validator per validated schema, with its top-level keys, and need no ajv at run time', () => {
    const { keys, ...functions } = validators;
    expect(Object.keys(functions).sort()).toEqual(Object.keys(VALIDATED_SCHEMAS).sort());
    expect(keys.claim).toEqual(expect.arrayContaining(['id', 'quote', 'expr', 'reading']));
    expect(keys.assertion).toContain('assert');
    expect(keys.claim).not.toContain('assert');
    const code = fs.readFileSync(path.join(ROOT, 'src/load/validators.generated.js'), 'utf8');
    expect(code).not.toMatch(/require\(/);
    for (const [, from] of code.matchAll(/^import .* from "([^"]+)";$/gm)) expect(from).toMatch(/^ajv\/dist\/runtime\//);
  });

  it('report errors with their schema and data (verbose), which the loaders’ messages use', () => {
    expect(validators.waiverSpec({ rule: 'a', reason: 'r', reviewer: 'me', expires: 'soon' })).toBe(false);
    const [error] = validators.waiverSpec.errors ?? [];
    expect(error).toMatchObject({ keyword: 'pattern', instancePath: '/expires', data: 'soon', schema: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });
    expect(validators.claim({ id: 'a', quote: '', expr: 'x', extra: 1 })).toBe(false);
    expect(validators.claim.errors?.map((e) => e.keyword).sort()).toEqual(['additionalProperties', 'minLength']);
  });
});
