/**
 * Checks of each format against its schema, shared by the unit tests (synthetic audit) and the
 * scenario test (bundled audit): SARIF against the official OASIS JSON Schema, JUnit against the
 * structure of the common JUnit XSD.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import { expect } from 'vitest';
import { children, type XmlElement } from './xml.js';

const SCHEMA_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/schemas/sarif-schema-2.1.0.json');

/** RFC 3986 URI-reference: only unreserved, reserved and percent-encoded characters. */
const URI_REFERENCE = /^(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/;

/**
 * The official SARIF 2.1.0 schema (test/fixtures/schemas/sarif-schema-2.1.0.json, saved verbatim
 * from oasis-tcs/sarif-spec Schemata/, the errata01 version). It declares draft-04; the only
 * draft-04 feature it uses that ajv's draft-07 mode reads differently is `id` (now `$id`) — it has
 * no boolean exclusiveMinimum/Maximum — so that one key is renamed instead of adding a package.
 * Its formats (uri, uri-reference, date-time) are checked by the small validators below.
 */
export function sarifValidator(): ValidateFunction {
  const schema = JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8'));
  expect(schema.$schema).toBe('http://json-schema.org/draft-04/schema#');
  expect(JSON.stringify(schema)).not.toMatch(/"exclusive(Minimum|Maximum)"/);
  const { $schema: _draft, id, ...rest } = schema;
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addFormat('uri-reference', (s: string) => URI_REFERENCE.test(s));
  ajv.addFormat('uri', (s: string) => URI_REFERENCE.test(s) && /^[A-Za-z][A-Za-z0-9+.-]*:/.test(s) && URL.canParse(s));
  ajv.addFormat('date-time', (s: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(s));
  return ajv.compile({ $id: id, ...rest });
}

const INT = /^(0|[1-9]\d*)$/;
const OUTCOMES = ['failure', 'error', 'skipped'];

/**
 * The structural rules of the common JUnit XSD (Jenkins/Ant junit-10): testsuites > testsuite >
 * properties?, testcase*, system-out?, system-err?; a testcase holds at most one of failure /
 * error / skipped, then system-out / system-err; failure and error carry message and type; the
 * counts on testsuite and testsuites agree with the children.
 */
export function checkJunitShape(root: XmlElement): void {
  expect(root.name).toBe('testsuites');
  const totals = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  for (const child of root.children) expect(child.name).toBe('testsuite');
  for (const suite of children(root, 'testsuite')) {
    expect(suite.attributes.name).toBeTruthy();
    for (const k of ['tests', 'failures', 'errors', 'skipped'] as const) expect(suite.attributes[k]).toMatch(INT);
    const order = suite.children.map((c) => c.name);
    expect(order.join(' ')).toMatch(/^(properties ?)?(testcase ?)*(system-out ?)?(system-err ?)?$/);
    for (const p of children(suite, 'properties').flatMap((ps) => ps.children)) {
      expect(p.name).toBe('property');
      expect(Object.keys(p.attributes).sort()).toEqual(['name', 'value']);
    }
    const cases = children(suite, 'testcase');
    const count = { tests: cases.length, failures: 0, errors: 0, skipped: 0 };
    for (const c of cases) {
      expect(c.attributes.classname).toBe(suite.attributes.name);
      expect(c.attributes.name).toBeTruthy();
      const names = c.children.map((x) => x.name);
      expect(names.join(' ')).toMatch(/^((failure|error|skipped) ?)?(system-out ?)?(system-err ?)?$/);
      expect(names.filter((n) => OUTCOMES.includes(n)).length).toBeLessThanOrEqual(1);
      for (const x of c.children) {
        if (x.name === 'failure' || x.name === 'error') {
          expect(x.attributes.message).toBeDefined();
          expect(x.attributes.type).toBeTruthy();
        }
        if (x.name === 'skipped') expect(x.children).toEqual([]);
      }
      if (names.includes('failure')) count.failures++;
      if (names.includes('error')) count.errors++;
      if (names.includes('skipped')) count.skipped++;
    }
    expect(Number(suite.attributes.tests)).toBe(count.tests);
    expect(Number(suite.attributes.failures)).toBe(count.failures);
    expect(Number(suite.attributes.errors)).toBe(count.errors);
    expect(Number(suite.attributes.skipped)).toBe(count.skipped);
    for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += count[k];
  }
  for (const k of Object.keys(totals) as (keyof typeof totals)[]) expect(Number(root.attributes[k])).toBe(totals[k]);
}
