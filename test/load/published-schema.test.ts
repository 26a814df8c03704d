/**
 * The JSON Schemas editors use (rules/schema/*.json, written by `npm run build`) are the ones the
 * loader validates with, and they accept the bundled rule and figure files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { FORMAT_NAMES, schemas } from '../../src/load/schema.js';
import { reporters } from '../../src/report/index.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const published = (name: string) => JSON.parse(fs.readFileSync(path.join(ROOT, 'rules/schema', name), 'utf8'));
const yamlFiles = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? yamlFiles(path.join(dir, e.name)) : e.name.endsWith('.yaml') ? [path.join(dir, e.name)] : [],
  );

describe('published schemas', () => {
  it('are generated from the loader’s own declarations', () => {
    for (const name of ['rules.schema.json', 'figures.schema.json', 'waivers.schema.json', 'config.schema.json']) {
      const { $schema: _draft, ...onDisk } = published(name);
      expect(onDisk).toEqual(JSON.parse(JSON.stringify(schemas[name])));
    }
  });

  it('accept every bundled rule file and figure file, and reject a misspelt key', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validateRules = ajv.compile(published('rules.schema.json'));
    const validateFigures = ajv.compile(published('figures.schema.json'));
    const ruleFiles = yamlFiles(path.join(ROOT, 'rules')).filter((f) => !f.endsWith('waivers.yaml'));
    expect(ruleFiles.length).toBeGreaterThan(0);
    for (const file of ruleFiles) {
      expect(validateRules(parse(fs.readFileSync(file, 'utf8'))), `${file}: ${ajv.errorsText(validateRules.errors)}`).toBe(true);
    }
    const figures = parse(fs.readFileSync(path.join(ROOT, 'data/lang-son.figures.yaml'), 'utf8'));
    expect(validateFigures(figures), ajv.errorsText(validateFigures.errors)).toBe(true);
    const misspelt = { figures: ['f.yaml'], rules: [{ id: 'a', quote: 'q', exprr: 'x' }] };
    expect(validateRules(misspelt)).toBe(false);
  });

  it('the config file offers exactly the output formats there are', () => {
    expect([...FORMAT_NAMES].sort()).toEqual([...reporters.keys()].sort());
  });
});
