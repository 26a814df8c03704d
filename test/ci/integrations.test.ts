/**
 * The GitHub Action (action.yml) and the pre-commit hook (.pre-commit-hooks.yaml): their
 * declarations, the README's usage examples against them, and the Action's audit step run for
 * real with bash on the CLI fixtures.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { CLI, FIXTURES, ROOT } from '../cli/run.js';

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
}

const action = parse(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
};
const hooks = parse(fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Record<string, unknown>[];
const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const readmeYaml = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => parse(m[1]!));
const auditStep = action.runs.steps.find((s) => s.id === 'audit')!;

/** Runs the Action's audit step as GitHub runs `shell: bash` (bash --noprofile --norc -eo pipefail), inputs in its env. */
function runAuditStep(inputs: { rules: string; formats?: string; failOn?: string }) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tally-action-'));
  const files = { output: path.join(work, 'github_output'), summary: path.join(work, 'step_summary'), out: path.join(work, 'reports') };
  const run = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', auditStep.run!], {
    cwd: FIXTURES,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH!,
      NO_COLOR: '1',
      TALLY: CLI,
      TALLY_RULES: inputs.rules,
      TALLY_FORMATS: inputs.formats ?? action.inputs.formats!.default!,
      TALLY_FAIL_ON: inputs.failOn ?? action.inputs['fail-on']!.default!,
      TALLY_OUT: files.out,
      GITHUB_OUTPUT: files.output,
      GITHUB_STEP_SUMMARY: files.summary,
    },
  });
  const read = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '');
  return { ...run, work, outputs: read(files.output), summary: read(files.summary), reports: fs.existsSync(files.out) ? fs.readdirSync(files.out).sort() : [] };
}

describe('GitHub Action (action.yml)', () => {
  it('is a composite action with inputs for rules, formats, fail-on and the output folder', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs).sort()).toEqual(['fail-on', 'formats', 'out', 'rules']);
    expect(action.inputs).toMatchObject({ rules: { default: 'rules' }, 'fail-on': { default: 'error' }, formats: { default: 'sarif markdown' } });
    expect(Object.keys(action.outputs).sort()).toEqual(['exit-code', 'out', 'sarif']);
  });

  it('never splices an input into a script: inputs reach the audit only through its environment', () => {
    for (const step of action.runs.steps) expect(step.run ?? '', step.name).not.toContain('${{');
    expect(auditStep.env).toMatchObject({
      TALLY_RULES: '${{ inputs.rules }}',
      TALLY_FORMATS: '${{ inputs.formats }}',
      TALLY_FAIL_ON: '${{ inputs.fail-on }}',
      TALLY_OUT: '${{ inputs.out }}',
    });
  });

  it('audits: annotations on stdout, every finding in the job summary, report files, outputs, the exit code', () => {
    const run = runAuditStep({ rules: 'false-claim clean', formats: 'sarif,junit' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^::error file=report\.en\.txt,line=4,.*title=tally fail%3A staff-growth::/);
    expect(run.summary).toContain('| ✗ fail | `staff-growth` | error | report.en.txt:4:1 |');
    expect(run.reports).toEqual(['tally-junit.xml', 'tally-report.sarif']);
    const out = path.join(run.work, 'reports');
    expect(run.outputs).toBe(`out=${out}\nsarif=${path.join(out, 'tally-report.sarif')}\nexit-code=1\n`);
  });

  it('passes the step with fail-on never, and writes no sarif output when SARIF is not asked for', () => {
    const run = runAuditStep({ rules: 'false-claim', formats: 'markdown', failOn: 'never' });
    expect(run.status).toBe(0);
    expect(run.reports).toEqual(['tally-report.md']);
    expect(run.outputs).toMatch(/^out=.*\nsarif=\nexit-code=0\n$/);
  });

  it('treats rule paths as words: no globbing, no shell code, a clear error (exit 2) for a missing one', () => {
    const run = runAuditStep({ rules: 'clean; touch pwned $(touch pwned2) *' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^tally: .*clean;/);
    expect(fs.existsSync(path.join(FIXTURES, 'pwned'))).toBe(false);
    expect(fs.existsSync(path.join(FIXTURES, 'pwned2'))).toBe(false);
    expect(run.outputs).toMatch(/exit-code=2\n$/);
  });

  it('is used in the README with inputs it declares, and the SARIF upload that code scanning needs', () => {
    const steps = readmeYaml.flatMap((doc) => Object.values((doc?.jobs ?? {}) as Record<string, { steps: Step[] }>).flatMap((job) => job.steps));
    const ours = steps.find((s) => s.uses?.endsWith('/tally@main')) as Step & { with: Record<string, string> };
    expect(Object.keys(ours.with).every((input) => input in action.inputs)).toBe(true);
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@')) as Step & { with: Record<string, string> };
    expect(upload.with.sarif_file).toBe('${{ steps.tally.outputs.sarif }}');
    expect(readmeYaml.some((doc) => doc?.permissions?.['security-events'] === 'write')).toBe(true);
  });
});

describe('pre-commit hook (.pre-commit-hooks.yaml)', () => {
  const hook = hooks.find((h) => h.id === 'tally')!;
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

  it('runs the package’s own tally audit on whole rule sets, when a rule, figure or document file changes', () => {
    expect(hook).toMatchObject({ entry: 'tally audit', language: 'node', pass_filenames: false });
    expect(pkg.bin.tally).toBe('dist/tally.cjs');
    const files = new RegExp(hook.files as string);
    for (const changed of ['rules/lang-son/economy.yaml', 'data/lang-son.figures.yml', 'data/figures.csv', 'data/report.vi.txt', 'docs/report.md']) {
      expect(files.test(changed), changed).toBe(true);
    }
    expect(files.test('src/audit.ts')).toBe(false);
  });

  it('can be installed the way pre-commit installs node hooks: npm pack builds dist first', () => {
    // pre-commit runs `npm install`, then `npm pack` and installs that tarball: dist/ is not
    // committed, so packing must build it (the install itself is tested in test/package.test.ts).
    expect(pkg.scripts.prepack).toBe('node src/dev/build.mjs');
  });

  it('is used in the README with its id', () => {
    const config = readmeYaml.find((doc) => Array.isArray(doc?.repos));
    expect(config.repos[0].hooks[0].id).toBe('tally');
  });
});
