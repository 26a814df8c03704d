/**
 * The npm package as a user gets it: `npm pack` ships only the bundles, the type declarations,
 * the JSON Schemas, the READMEs and the licence; installed from the tarball into an empty
 * project, `npx tally audit` works there and the library and schemas resolve through `exports`.
 * (dist/ is fresh from the global setup, so packing skips the prepack build: rebuilding dist/
 * here would pull it from under the tests running beside this one.)
 */
import { type SpawnSyncOptions, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

/** npm's own settings from the `npm test` that runs us must not leak into the child npm (its prefix above all). */
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));

function run(command: string, args: string[], options: SpawnSyncOptions = {}) {
  const r = spawnSync(command, args, { encoding: 'utf8', env: { ...env, NO_COLOR: '1' }, timeout: 240_000, ...options });
  return { code: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}

const RULES = `figures: [../data/figures.yaml]
rules:
  - id: revenue-growth
    quote: "up 25.0% year on year"
    expr: growth(revenue_2024, revenue_2023)
  - id: margin
    quote: "a 12% margin"
    expr: share(profit_2024, revenue_2024)
`;
const FIGURES = `document: report.en.txt
locale: en
figures:
  revenue_2024: { quote: "Revenue rose to $1,250.0 million", number: "$1,250.0 million" }
  revenue_2023: { quote: "from $1,000.0 million", number: "$1,000.0 million" }
  profit_2024: { quote: "Profit was $130 million" }
`;
const REPORT = 'Revenue rose to $1,250.0 million from $1,000.0 million, up 25.0% year on year.\nProfit was $130 million, a 12% margin.\n';

describe('the npm package', () => {
  let work: string;
  let tarball: string;
  let consumer: string;
  let files: string[];

  beforeAll(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'tally-pack-'));
    const packed = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: ROOT });
    if (packed.code !== 0) throw new Error(`npm pack exited ${packed.code}: ${packed.stderr}`);
    const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
    tarball = path.join(work, info!.filename);
    files = info!.files.map((f) => f.path).sort();

    consumer = path.join(work, 'consumer');
    for (const [file, text] of Object.entries({
      'package.json': JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
      'rules/claims.yaml': RULES,
      'data/figures.yaml': FIGURES,
      'data/report.en.txt': REPORT,
    })) {
      fs.mkdirSync(path.dirname(path.join(consumer, file)), { recursive: true });
      fs.writeFileSync(path.join(consumer, file), text);
    }
    // The dependencies are in npm's cache after `npm ci`; the registry is asked only for what is not.
    const installed = run('npm', ['install', tarball, '--prefer-offline', '--no-audit', '--no-fund'], { cwd: consumer });
    if (installed.code !== 0) throw new Error(`npm install exited ${installed.code}: ${installed.stderr}`);
  }, 300_000);

  afterAll(() => {
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('ships only the bundles, their type declarations, the JSON Schemas, the READMEs and the licence', () => {
    const outside = files.filter((f) => !f.startsWith('dist/types/') && !f.endsWith('.d.ts'));
    // The CLI is scripts (src/dev/build.mjs): the executable, its program and its engines.
    expect(outside).toEqual([
      'LICENSE',
      'README.md',
      'dist/index.js',
      'dist/tally-draft.cjs',
      'dist/tally-engine.cjs',
      'dist/tally-program.cjs',
      'dist/tally.cjs',
      'dist/worker.js',
      'package.json',
      'reports/report.schema.json',
      // npm always ships the README of a folder it packs from: the rule language's documentation.
      'rules/README.md',
      'rules/schema/config.schema.json',
      'rules/schema/figures.schema.json',
      'rules/schema/rules.schema.json',
      'rules/schema/waivers.schema.json',
    ]);
    expect(files).toContain('dist/types/index.d.ts');
    expect(files.filter((f) => /^(src|test|data|rules\/lang-son|reports\/tally)/.test(f))).toEqual([]);
  });

  it('declares the MIT licence its LICENSE file grants', () => {
    expect(pkg.license).toBe('MIT');
    expect(fs.readFileSync(path.join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} the tally authors\n/);
  });

  it('installed from the tarball, `npx tally audit` audits the project’s rules', () => {
    const audit = run('npx', ['--no', '--', 'tally', 'audit'], { cwd: consumer });
    expect(audit.stderr).toBe('');
    expect(audit.code).toBe(1);
    expect(audit.stdout).toMatch(/✓ pass\s+revenue-growth/);
    expect(audit.stdout).toMatch(/✗ fail\s+margin[\s\S]*figures give \[10\.36%; 10\.44%\], stated 12%/);
    const json = run('npx', ['--no', '--', 'tally', 'audit', 'rules', '--format', 'json', '--fail-on', 'never'], { cwd: consumer });
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).summary.byVerdict).toMatchObject({ pass: 1, fail: 1 });
    expect(run('npx', ['--no', '--', 'tally', '--version'], { cwd: consumer }).stdout.trim()).toBe(pkg.version);
  });

  it('exports the library, its package.json and the JSON Schemas', () => {
    const script = `
      import { createRequire } from 'node:module';
      import { audit, reporters, schemas } from 'tally';
      const require = createRequire(import.meta.url);
      const result = audit({ paths: ['rules'] });
      console.log(JSON.stringify({
        verdicts: result.results.map((r) => r.verdict),
        reporters: [...reporters.keys()].length,
        version: require('tally/package.json').version,
        rules: require('tally/schemas/rules.schema.json').title === schemas['rules.schema.json'].title,
        figures: typeof require('tally/schemas/figures.schema.json').properties,
        waivers: typeof require('tally/schemas/waivers.schema.json').properties,
        report: require('tally/schemas/report.schema.json').title,
      }));`;
    const r = run(process.execPath, ['--input-type=module', '-e', script], { cwd: consumer });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({
      verdicts: ['pass', 'fail'],
      reporters: 7,
      version: pkg.version,
      rules: true,
      figures: 'object',
      waivers: 'object',
      report: 'tally JSON report',
    });
  });
});
