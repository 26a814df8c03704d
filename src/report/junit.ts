/**
 * JUnit XML, for CI test dashboards: a <testsuite> per rule file, a <testcase> per rule
 * (classname = rule file, name = rule id). Valid against the schema Jenkins reads JUnit with
 * (test/fixtures/schemas/junit-jenkins.xsd): the skipped count is on each <testsuite> only,
 * since <testsuites> may not carry one.
 *
 * Mapping:
 *   pass          → passes
 *   fail          → <failure type="fail" message="why, off by how much">details</failure>
 *   error         → <error type="error"> (the rule itself is broken)
 *   unverifiable  → <skipped message="unverifiable: what is missing"> (nothing was checked)
 *   warn          → a <failure type="warn"> when it fails the run (`--fail-on warning` or
 *                   `info`), so the dashboard and the exit code agree; otherwise it passes, with
 *                   <system-out> saying it holds only under the looser reading (truncation).
 *   waived        → <skipped message="waived: reason"> for fail/warn/unverifiable (a reviewed,
 *                   accepted finding); a waived `error` stays an error (a broken rule is not a
 *                   finding anyone can accept).
 * Problems in a rule file that yielded no rule become one <error> testcase named "(rule file)".
 * No time, timestamp or hostname attributes: the file is reproducible byte for byte.
 */
import { type FailOn, failsTheRun, findingSeverity } from '../judge/outcome.js';
import type { AuditResult, Diagnostic, RuleResult } from '../model.js';
import { xmlAttribute, xmlText } from './escape.js';
import type { Reporter } from './reporter.js';

/** Text content: markup escaped, characters XML cannot carry written visibly (escape.ts). */
export const escapeXmlText = xmlText;

/** Attribute values also keep their tabs and line breaks (escape.ts). */
export const escapeXmlAttribute = xmlAttribute;

type Outcome =
  | { kind: 'pass'; out?: string }
  | { kind: 'failure' | 'error'; message: string; body: string }
  | { kind: 'skipped'; message: string };

const at = (p: { file: string; line: number; col: number }) => `${p.file}:${p.line}:${p.col}`;

function describe(r: RuleResult): string {
  const lines = [`${r.verdict}: ${r.message}`];
  if (r.quote) lines.push(`quote: “${r.quote}”${r.anchor ? ` (${r.document}:${r.anchor.line}:${r.anchor.col})` : ''}`);
  if (r.expr) lines.push(`expression: ${r.expr}`);
  if (r.stated) lines.push(`stated: ${r.stated.text} → ${r.stated.set}${r.reading ? ` (reading: ${r.reading})` : ''}`);
  if (r.computed) lines.push(`computed: ${r.computed.text}`);
  if (r.difference) lines.push(`difference: ${r.difference.text}`);
  for (const f of r.figures) lines.push(`figure ${f.id}: ${f.unknown ? 'unknown' : `${f.written ?? ''} → ${f.interval ?? ''}`}`);
  if (r.missing?.length) lines.push(`missing: ${r.missing.join(', ')}`);
  const d = r.diagnosis;
  if (d) {
    lines.push(`material: ${d.materiality.material ? 'yes' : 'no'}${d.materiality.reasons.length ? ` (${d.materiality.reasons.join('; ')})` : ''}`);
    for (const v of d.implied) lines.push(`would hold if: ${v.message}`);
    for (const s of d.slips) lines.push(`likely slip (${s.kind}): ${s.message}`);
  }
  if (r.note) lines.push(`note: ${r.note}`);
  lines.push(`rule: ${at(r.declared)}`);
  return lines.join('\n');
}

function withSize(r: RuleResult): string {
  return r.difference && !r.message.includes(r.difference.text) ? `${r.message} (off by ${r.difference.text})` : r.message;
}

function outcome(r: RuleResult, failOn: FailOn): Outcome {
  if (r.waiver && r.verdict !== 'pass' && r.verdict !== 'error') {
    return { kind: 'skipped', message: `waived (${r.verdict}) by ${r.waiver.reviewer} until ${r.waiver.expires}: ${r.waiver.reason}` };
  }
  switch (r.verdict) {
    case 'pass':
      return r.waiver ? { kind: 'pass', out: `passes; the waiver at ${at(r.waiver.declared)} is no longer needed` } : { kind: 'pass' };
    case 'warn': {
      const looser = r.warning?.message ?? 'holds only under a looser reading';
      return failsTheRun(r, failOn)
        ? { kind: 'failure', message: `${looser}: ${r.message}`, body: describe(r) }
        : { kind: 'pass', out: `${looser}: ${r.message}\n${describe(r)}` };
    }
    case 'fail':
      // A fail below --fail-on (a rule of severity info or warning) does not fail the run: nor the test case.
      return failsTheRun(r, failOn)
        ? { kind: 'failure', message: withSize(r), body: describe(r) }
        : { kind: 'pass', out: `${r.verdict} at level ${findingSeverity(r)}, below --fail-on ${failOn}: ${withSize(r)}\n${describe(r)}` };
    case 'error':
      return { kind: 'error', message: r.message, body: describe(r) };
    case 'unverifiable':
      return { kind: 'skipped', message: `unverifiable: ${r.message}` };
  }
}

function testcase(r: RuleResult, failOn: FailOn): string {
  const head = `    <testcase classname="${escapeXmlAttribute(r.declared.file)}" name="${escapeXmlAttribute(r.id)}"`;
  const o = outcome(r, failOn);
  switch (o.kind) {
    case 'pass':
      return o.out ? `${head}>\n      <system-out>${escapeXmlText(o.out)}</system-out>\n    </testcase>` : `${head}/>`;
    case 'skipped':
      return `${head}>\n      <skipped message="${escapeXmlAttribute(o.message)}"/>\n    </testcase>`;
    case 'failure':
    case 'error':
      return `${head}>\n      <${o.kind} message="${escapeXmlAttribute(o.message)}" type="${r.verdict}">${escapeXmlText(o.body)}</${o.kind}>\n    </testcase>`;
  }
}

interface Suite {
  file: string;
  results: RuleResult[];
  diagnostics: Diagnostic[];
}

function suites(audit: AuditResult): Suite[] {
  const byFile = new Map<string, Suite>();
  const suite = (file: string) => {
    let s = byFile.get(file);
    if (!s) byFile.set(file, (s = { file, results: [], diagnostics: [] }));
    return s;
  };
  for (const r of audit.results) suite(r.declared.file).results.push(r);
  for (const d of audit.diagnostics) {
    const s = byFile.get(d.position.file);
    // Problems of a file that still yielded rules are carried by those rules (verdict error) or
    // printed with the suite; a file that yielded nothing becomes one erroring testcase.
    (s ?? suite(d.position.file)).diagnostics.push(d);
  }
  return [...byFile.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

function counts(s: Suite, failOn: FailOn) {
  const loadError = s.results.length === 0 && s.diagnostics.some((d) => d.severity === 'error');
  const c = { tests: s.results.length + (loadError ? 1 : 0), failures: 0, errors: loadError ? 1 : 0, skipped: 0 };
  for (const r of s.results) {
    const o = outcome(r, failOn).kind;
    if (o === 'failure') c.failures++;
    else if (o === 'error') c.errors++;
    else if (o === 'skipped') c.skipped++;
  }
  return { ...c, loadError };
}

function diagnosticLine(d: Diagnostic): string {
  return `${at(d.position)} ${d.severity} ${d.code}: ${d.message}${d.suggestions?.length ? ` (did you mean ${d.suggestions.map((s) => `"${s}"`).join(', ')}?)` : ''}`;
}

export function renderJunit(audit: AuditResult, failOn: FailOn = 'error'): string {
  const all = suites(audit).map((s) => ({ s, c: counts(s, failOn) }));
  const total = all.reduce(
    (t, { c }) => ({ tests: t.tests + c.tests, failures: t.failures + c.failures, errors: t.errors + c.errors }),
    { tests: 0, failures: 0, errors: 0 },
  );
  const sha = new Map(audit.inputs.map((i) => [i.path, i.sha256]));
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  out.push(
    `<testsuites name="tally" tests="${total.tests}" failures="${total.failures}" errors="${total.errors}">`,
  );
  for (const { s, c } of all) {
    out.push(
      `  <testsuite name="${escapeXmlAttribute(s.file)}" tests="${c.tests}" failures="${c.failures}" errors="${c.errors}" skipped="${c.skipped}">`,
    );
    out.push('    <properties>');
    out.push(`      <property name="tally.version" value="${escapeXmlAttribute(audit.tool.version)}"/>`);
    if (sha.has(s.file)) out.push(`      <property name="sha256" value="${escapeXmlAttribute(sha.get(s.file)!)}"/>`);
    out.push('    </properties>');
    for (const r of s.results) out.push(testcase(r, failOn));
    if (c.loadError) {
      const first = s.diagnostics.find((d) => d.severity === 'error')!;
      out.push(
        `    <testcase classname="${escapeXmlAttribute(s.file)}" name="(rule file)">\n      <error message="${escapeXmlAttribute(first.message)}" type="${escapeXmlAttribute(first.code)}">${escapeXmlText(s.diagnostics.map(diagnosticLine).join('\n'))}</error>\n    </testcase>`,
      );
    } else if (s.diagnostics.length) {
      out.push(`    <system-err>${escapeXmlText(s.diagnostics.map(diagnosticLine).join('\n'))}</system-err>`);
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}

export const junitReporter: Reporter = {
  name: 'junit',
  fileName: 'tally-junit.xml',
  render: (audit, options) => renderJunit(audit, options.failOn),
};
