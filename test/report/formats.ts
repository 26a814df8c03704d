/**
 * Checks of each format against its schema, shared by the unit tests (synthetic audit) and the
 * scenario test (bundled audit): SARIF against the official OASIS JSON Schema, JUnit against the
 * schema Jenkins reads it with (validated by libxml2's xmllint, compiled to WebAssembly) and
 * against the counts the schema cannot express.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import { expect } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { children, type XmlElement } from './xml.js';

const SCHEMAS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/schemas');
const SCHEMA_FILE = path.join(SCHEMAS, 'sarif-schema-2.1.0.json');
const JUNIT_XSD = path.join(SCHEMAS, 'junit-jenkins.xsd');

/**
 * Validates JUnit files against the Jenkins JUnit schema in one xmllint run; returns xmllint's
 * messages, each prefixed with the file's number (an empty list when every file is valid).
 */
export async function junitSchemaErrors(xmls: string[]): Promise<string[]> {
  const result = await validateXML({
    xml: xmls.map((contents, i) => ({ fileName: `junit-${i}.xml`, contents })),
    schema: [{ fileName: 'junit-jenkins.xsd', contents: fs.readFileSync(JUNIT_XSD, 'utf8') }],
  });
  // xmllint also closes each invalid file with "<file> fails to validate": the reasons come before it.
  return result.errors.map((e) => e.rawMessage).filter((m) => !/ fails to validate$/.test(m));
}

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
 * What the XSD leaves open and tally promises: testsuites > testsuite > properties?, testcase*,
 * system-out?, system-err?, in that order; a testcase holds at most one of failure / error /
 * skipped, then system-out / system-err; failure and error carry message and type; no skipped
 * count on testsuites; the counts on testsuite and testsuites agree with the children.
 */
export function checkJunitShape(root: XmlElement): void {
  expect(root.name).toBe('testsuites');
  expect(Object.keys(root.attributes).sort()).toEqual(['errors', 'failures', 'name', 'tests']);
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
          expect(typeof x.attributes.message).toBe('string');
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
  for (const k of ['tests', 'failures', 'errors'] as const) expect(Number(root.attributes[k])).toBe(totals[k]);
}
