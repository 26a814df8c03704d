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

  it('help editors: an $id each, enum for fixed values (editors complete them), a description and an example for every key', () => {
    const problems: string[] = [];
    const walk = (node: unknown, at: string): void => {
      if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${at}/${i}`));
      if (node === null || typeof node !== 'object') return;
      const o = node as Record<string, unknown>;
      if (Array.isArray(o.anyOf) && o.anyOf.every((b) => typeof b === 'object' && b !== null && 'const' in b)) problems.push(`${at}: anyOf of const, not enum`);
      if (o.properties && typeof o.properties === 'object') {
        for (const [key, v] of Object.entries(o.properties as Record<string, Record<string, unknown>>)) {
          if (typeof v.description !== 'string' || v.description === '') problems.push(`${at}.${key}: no description`);
          if (!Array.isArray(v.examples) || v.examples.length === 0) problems.push(`${at}.${key}: no examples`);
        }
      }
      for (const [k, v] of Object.entries(o)) walk(v, `${at}/${k}`);
    };
    for (const name of ['rules.schema.json', 'figures.schema.json', 'waivers.schema.json', 'config.schema.json']) {
      const schema = published(name);
      expect(schema.$id, name).toMatch(new RegExp(`/${name.replace('.', '\\.')}$`));
      walk(schema, name);
    }
    expect(problems).toEqual([]);
  });

  it('every example validates against its own schema', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    for (const name of ['rules.schema.json', 'figures.schema.json', 'waivers.schema.json', 'config.schema.json']) {
      const schema = published(name);
      const check = (node: unknown): void => {
        if (Array.isArray(node)) return node.forEach(check);
        if (node === null || typeof node !== 'object') return;
        const o = node as Record<string, unknown>;
        if (Array.isArray(o.examples) && (o.type !== undefined || o.enum !== undefined)) {
          const { examples, $id: _id, $schema: _s, ...bare } = o;
          const v = ajv.compile(bare);
          for (const e of examples) expect(v(e), `${name}: ${JSON.stringify(e)} ${ajv.errorsText(v.errors)}`).toBe(true);
        }
        for (const v of Object.values(o)) check(v);
      };
      check(schema);
    }
  });
});
