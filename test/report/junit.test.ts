/**
 * JUnit XML: well-formed (strict parser here; the browser's DOMParser in html.browser.test.ts),
 * valid against the schema Jenkins reads JUnit with (test/fixtures/schemas/junit-jenkins.xsd,
 * checked by xmllint), and of the shape tally promises on top: testsuites > testsuite >
 * properties?, testcase*, system-out?, system-err?; a testcase holds at most one of
 * failure / error / skipped, then system-out / system-err; counts agree with the children.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AuditResult } from '../../src/model.js';
import { reporters } from '../../src/report/index.js';
import { escapeXmlAttribute, escapeXmlText, junitReporter, renderJunit } from '../../src/report/junit.js';
import { checkJunitShape, junitSchemaErrors } from './formats.js';
import { RULES_A, RULES_B, RULES_BROKEN, sampleAudit } from './sample-audit.js';
import { children, parseXml, type XmlElement } from './xml.js';

function testcase(root: XmlElement, file: string, name: string): XmlElement {
  const suite = children(root, 'testsuite').find((s) => s.attributes.name === file)!;
  const found = children(suite, 'testcase').find((c) => c.attributes.name === name);
  if (!found) throw new Error(`no testcase ${file} ${name}`);
  return found;
}

describe('junit reporter', () => {
  const audit = sampleAudit();
  const xml = renderJunit(audit);
  const root = parseXml(xml);

  it('is registered with its file name', () => {
    expect(reporters.get('junit')).toBe(junitReporter);
    expect(junitReporter.fileName).toBe('tally-junit.xml');
  });

  it('has the shape of the common JUnit XSD, a suite per rule file sorted by path', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites')).toBe(true);
    checkJunitShape(root);
    expect(children(root, 'testsuite').map((s) => s.attributes.name)).toEqual([RULES_BROKEN, RULES_B, RULES_A]);
    // failures: the fails at or above --fail-on (error); the warning-level staff-growth passes with its note
    expect(root.attributes).toEqual({ name: 'tally', tests: '10', failures: '1', errors: '2' });
  });

  it('is valid against the Jenkins JUnit schema, under every --fail-on', async () => {
    const xmls = (['error', 'warning', 'info', 'never'] as const).map((failOn) => renderJunit(audit, failOn));
    expect(await junitSchemaErrors(xmls)).toEqual([]);
  });

  it('the schema check is real: it refuses a skipped count on testsuites and an unknown attribute', async () => {
    const errors = await junitSchemaErrors([
      xml.replace('<testsuites name="tally"', '<testsuites name="tally" skipped="2"'),
      xml.replace('<testcase ', '<testcase status="x" '),
    ]);
    expect(errors).toEqual([
      expect.stringMatching(/^junit-0\.xml:2: .*Element 'testsuites', attribute 'skipped': The attribute 'skipped' is not allowed/),
      expect.stringMatching(/^junit-1\.xml:\d+: .*Element 'testcase', attribute 'status': The attribute 'status' is not allowed/),
    ]);
  });

  it('a fail is a failure with the message and the size of the difference', () => {
    const c = testcase(root, RULES_A, 'revenue-2024-growth');
    const failure = children(c, 'failure')[0]!;
    expect(failure.attributes.type).toBe('fail');
    expect(failure.attributes.message).toContain('stated 25,8%');
    expect(failure.attributes.message).toContain('-2,68 pp (-10,39 % relative)');
    expect(failure.text).toContain('difference: -2,68 pp (-10,39 % relative)');
    expect(failure.text).toContain('quote: “đạt 131% dự toán, tăng 25,8% so với cùng kỳ” (data/bao-cao.vi.txt:3:45)');
    expect(failure.text).toContain(`rule: ${RULES_A}:24:5`);
  });

  it('adds the size to a failure message that does not carry it', () => {
    const a = sampleAudit();
    a.results[7]!.message = 'staff grew less than stated';
    const c = testcase(parseXml(renderJunit(a, 'warning')), RULES_B, 'staff-growth');
    expect(children(c, 'failure')[0]!.attributes.message).toBe('staff grew less than stated (off by -5.0 pp (-11.1% relative))');
  });

  it('an error is an <error>, an unverifiable claim is skipped', () => {
    const error = children(testcase(root, RULES_A, 'growth-average-2021-2023'), 'error')[0]!;
    expect(error.attributes.type).toBe('error');
    expect(error.attributes.message).toContain('quote not found');
    const skipped = children(testcase(root, RULES_A, 'poverty-rate'), 'skipped')[0]!;
    expect(skipped.attributes.message).toMatch(/^unverifiable: needs households/);
  });

  it('a warn passes by default, saying in system-out that it holds only under truncation', () => {
    const c = testcase(root, RULES_A, 'grdp-level-2023');
    expect(c.children.map((x) => x.name)).toEqual(['system-out']);
    expect(children(c, 'system-out')[0]!.text).toMatch(/^holds only if “45.481 tỷ đồng” is the value truncated, not rounded/);
  });

  it('a warn is a failure when it fails the run (--fail-on warning or info), as the exit code says', () => {
    for (const failOn of ['warning', 'info'] as const) {
      const strict = parseXml(renderJunit(audit, failOn));
      checkJunitShape(strict);
      const c = testcase(strict, RULES_A, 'grdp-level-2023');
      expect(c.children.map((x) => x.name)).toEqual(['failure']);
      expect(c.children[0]!.attributes).toEqual({
        type: 'warn',
        message: `holds only if “45.481 tỷ đồng” is the value truncated, not rounded: ${audit.results[1]!.message}`,
      });
      expect(c.children[0]!.text).toContain(`rule: ${RULES_A}:`);
      expect(strict.attributes.failures).toBe('3');
    }
    // The waived finding stays skipped, and unverifiable claims are never failures.
    const strict = parseXml(renderJunit(audit, 'info'));
    expect(testcase(strict, RULES_A, 'revenue-2024-vs-plan').children.map((x) => x.name)).toEqual(['skipped']);
    expect(testcase(strict, RULES_A, 'poverty-rate').children.map((x) => x.name)).toEqual(['skipped']);
    // The reporter takes the threshold from the render options, as the CLI passes it.
    expect(junitReporter.render(audit, { color: false, failOn: 'warning' })).toBe(renderJunit(audit, 'warning'));
    expect(junitReporter.render(audit, { color: false })).toBe(xml);
  });

  it('a waived finding is skipped with the waiver reason', () => {
    const c = testcase(root, RULES_A, 'revenue-2024-vs-plan');
    expect(c.children.map((x) => x.name)).toEqual(['skipped']);
    expect(c.children[0]!.attributes.message).toBe(
      'waived (fail) by ngoc.tran until 2026-12-31: the province reports against the adjusted plan; accepted by the statistics office',
    );
  });

  it('a pass is an empty testcase', () => {
    const c = testcase(root, RULES_A, 'grdp-growth-2020-2023');
    expect(c.children).toEqual([]);
  });

  it('a rule file that yielded no rule is one erroring testcase; other problems go to system-err', () => {
    const c = testcase(root, RULES_BROKEN, '(rule file)');
    const error = children(c, 'error')[0]!;
    expect(error.attributes.type).toBe('unknown-key');
    expect(error.attributes.message).toBe('unknown key "exprr" <in> rule & file');
    expect(error.text).toContain('rules/broken.yaml:5:5 error unknown-key');
    expect(error.text).toContain('did you mean "expr"');
    const suiteA = children(root, 'testsuite').find((s) => s.attributes.name === RULES_A)!;
    expect(children(suiteA, 'system-err')[0]!.text).toContain('rules/kinh-te.yaml:35:12 error quote-not-found');
  });

  it('carries the tool version and the rule file hash', () => {
    const suiteA = children(root, 'testsuite').find((s) => s.attributes.name === RULES_A)!;
    expect(children(children(suiteA, 'properties')[0]!, 'property').map((p) => p.attributes)).toEqual([
      { name: 'tally.version', value: '0.1.0' },
      { name: 'sha256', value: 'd'.repeat(64) },
    ]);
  });

  it('is deterministic and holds no time, timestamp or hostname', () => {
    expect(renderJunit(sampleAudit())).toBe(xml);
    expect(xml).not.toMatch(/\b(time|timestamp|hostname)=/);
  });

  it('escapes markup, quotes and control characters', () => {
    expect(escapeXmlText('a < b && c > d')).toBe('a &lt; b &amp;&amp; c &gt; d');
    expect(escapeXmlAttribute(`"it's"\n\tx\r`)).toBe('&quot;it&apos;s&quot;&#10;&#9;x&#13;');
    expect(escapeXmlText('nul\u0000 bell\u0007 ok\u0009\u000A')).toBe('nul\\u0000 bell\\u0007 ok\t\n');
    expect(escapeXmlText('\uFFFE \uD800 \uDC00 𝄞')).toBe('\\uFFFE \\uD800 \\uDC00 𝄞');
    const a = sampleAudit();
    a.results[3]!.message = 'off <b>by</b> & "more"\u0001';
    const c = testcase(parseXml(renderJunit(a)), RULES_A, 'revenue-2024-growth');
    expect(children(c, 'failure')[0]!.attributes.message).toBe('off <b>by</b> & "more"\\u0001 (off by -2,68 pp (-10,39 % relative))');
  });

  it('stays valid against the Jenkins schema for random rule text (sampled, one xmllint run)', async () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 24 }),
      fc.array(fc.constantFrom('<', '&', '"', "'", ']]>', '\u0000', '\u0008', '\uFFFE', '\uD800', '\r', '\n', '\t', 'ạ', 'x'), { maxLength: 10 }).map((a) => a.join('')),
    );
    const xmls = fc.sample(fc.tuple(text, text, text), { numRuns: 60, seed: 7 }).map(([id, message, file]) => {
      const results = sampleAudit().results.map((r) => ({ ...r, id: `${r.id}${id}`, message, declared: { ...r.declared, file: `${r.declared.file}${file}` } }));
      return renderJunit(sampleAudit({ results }), 'info');
    });
    expect(await junitSchemaErrors(xmls)).toEqual([]);
  });

  it('stays well-formed and keeps every string for any rule text (property)', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc.array(fc.constantFrom('<', '>', '&', '"', "'", ']]>', '<!--', '\u0000', '\u001F', '\uFFFF', '\uDBFF', '\r\n', '\t', 'ạ', '𝄞', '&amp;'), { maxLength: 10 }).map((a) => a.join('')),
    );
    /** What the report keeps of a string: characters XML cannot carry become visible escapes. */
    const kept = (s: string) =>
      s.replace(
        /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
        (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
      );
    fc.assert(
      fc.property(text, text, text, text, (id, message, file, note) => {
        const base = sampleAudit();
        const results = base.results.map((r) => ({ ...r, id: `${r.id}${id}`, message, note, declared: { ...r.declared, file: `${r.declared.file}${file}` } }));
        const audit: AuditResult = { ...base, results, diagnostics: [] };
        const root = parseXml(renderJunit(audit));
        checkJunitShape(root);
        const all = children(root, 'testsuite').flatMap((s) => children(s, 'testcase'));
        expect(all.map((c) => c.attributes.name)).toEqual(expect.arrayContaining(results.map((r) => kept(r.id))));
        for (const c of all) expect(c.attributes.classname!.endsWith(kept(file))).toBe(true);
        const failure = all.flatMap((c) => children(c, 'failure'))[0];
        if (failure && note) expect(failure.text).toContain(kept(`note: ${note}`));
      }),
      { numRuns: 200 },
    );
  });
});
