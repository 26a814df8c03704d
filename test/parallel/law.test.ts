/**
 * The law of the parallel audit: whatever the grouping, the workers or the order of the rule
 * files, the merged result is deep-equal to the single-threaded `audit()` of the same inputs.
 * Groups are judged here in process (through a structured clone, as a worker's answer is) for
 * the properties, and on real worker threads (the built dist/worker.js) for the fixtures.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { audit, loadAudit, type AuditOptions } from '../../src/audit.js';
import { finishAudit, judgeRuleSets } from '../../src/judge/assemble.js';
import { findRuleFiles, loadRuleFile, ruleFileDocument } from '../../src/load/index.js';
import { diskFiles, withInputFiles, type InputFiles } from '../../src/load/files.js';
import { auditInGroups, auditParallel, groupRuleFiles, judgeGroup, type GroupRunner } from '../../src/parallel/index.js';
import { mergeJudged } from '../../src/parallel/merge.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const WORKER = pathToFileURL(path.join(ROOT, 'dist/worker.js'));
const FIXTURE = 'test/fixtures/parallel';
const TODAY = '2025-06-01';

/** Every rule file of the fixture (three documents, broken files, waivers), relative to ROOT. */
const FILES = findRuleFiles([path.join(ROOT, FIXTURE)]).map((f) => path.relative(ROOT, f));
const options = (paths: string[]): AuditOptions => ({ paths: paths.map((p) => path.resolve(ROOT, p)), cwd: ROOT, today: TODAY });

/** Judge the groups in this thread; the answer is cloned as postMessage clones it. */
const inProcess: GroupRunner = async (tasks) => tasks.map((task) => structuredClone(judgeGroup(task)));

/** Where a value is not plain data (a class instance, a Map, a RegExp, a function …), by path. */
function notPlain(value: unknown, at = '$'): string[] {
  if (value === null || ['string', 'number', 'boolean', 'undefined'].includes(typeof value)) return [];
  if (typeof value !== 'object') return [`${at}: ${typeof value}`];
  if (Array.isArray(value)) return value.flatMap((v, i) => notPlain(v, `${at}[${i}]`));
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return [`${at}: ${proto?.constructor?.name ?? 'unknown'}`];
  return Object.entries(value).flatMap(([k, v]) => notPlain(v, `${at}.${k}`));
}

describe('the fixture', () => {
  it('has several documents, broken rule files and waivers', () => {
    expect(FILES).toHaveLength(7);
    const result = audit(options([FIXTURE]));
    expect(result.documents.map((d) => d.path)).toEqual([`${FIXTURE}/docs/alpha.en.txt`, `${FIXTURE}/docs/beta.en.txt`, `${FIXTURE}/docs/gamma.vi.txt`]);
    expect(result.coverage).toHaveLength(3);
    expect(result.summary.waived).toBe(2);
    expect(result.summary.byVerdict.error).toBe(1);
    expect(result.diagnostics.map((d) => d.code)).toEqual(
      expect.arrayContaining(['quote-not-found', 'file-not-found', 'yaml-syntax', 'waiver-expired', 'waiver-unknown-rule', 'stale-ignore']),
    );
  });
});

describe('ruleFileDocument', () => {
  it('names the document loadRuleFile audits, for every rule file that loads', () => {
    for (const file of FILES) {
      const set = loadRuleFile(file);
      if (set.diagnostics.some((d) => d.severity === 'error') && set.rules.length === 0) continue;
      expect(path.resolve(ruleFileDocument(file)!), file).toBe(path.resolve(set.document.path));
    }
  });

  it('reads the loader’s document whatever the layout of the files', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tally-rule-document-'));
    writeFileSync(path.join(dir, 'package.json'), '{}');
    writeFileSync(path.join(dir, 'doc.txt'), 'Staff grew 40% to 700 people (from 500).\n');
    writeFileSync(path.join(dir, 'other.txt'), 'Staff grew 40% to 700 people (from 500).\n');
    const figures = 'figures:\n  staff_2024: { quote: "to 700 people", exact: true }\n  staff_2023: { quote: "(from 500)", exact: true }\n';
    writeFileSync(path.join(dir, 'plain.figures.yaml'), `document: doc.txt\nlocale: en\n${figures}`);
    writeFileSync(path.join(dir, 'late.figures.yaml'), `# the document comes last\nlocale: en\n${figures}'document': doc.txt\n`);
    writeFileSync(path.join(dir, 'flow.figures.yaml'), '{ document: doc.txt, locale: en, figures: { staff_2024: { quote: "to 700 people", exact: true }, staff_2023: { quote: "(from 500)", exact: true } } }\n');
    writeFileSync(path.join(dir, 'none.figures.yaml'), figures);
    writeFileSync(path.join(dir, 'plan.figures.yaml'), 'figures:\n  plan: { unknown: true }\n');
    const rule = 'rules:\n  - id: staff-growth\n    quote: "Staff grew 40%"\n    expr: growth(staff_2024, staff_2023)\n';
    const layouts: Record<string, string> = {
      'document-last': `figures: [plain.figures.yaml]\n${rule}document: doc.txt\n`,
      'document-on-next-line': `document:\n  other.txt\nlocale: en\nfigures: [none.figures.yaml]\n${rule}`,
      'compact-sequence': `figures:\n- plan.figures.yaml\n- late.figures.yaml\n${rule}`,
      'quoted-keys-and-crlf': `"figures": ['flow.figures.yaml']\r\n${rule.replaceAll('\n', '\r\n')}`,
      'document-marker': `---\nfigures: [plain.figures.yaml]\n${rule}`,
      'flow-mapping': `{ figures: [late.figures.yaml], rules: [{ id: staff-growth, quote: "Staff grew 40%", expr: "growth(staff_2024, staff_2023)" }] }\n`,
      'byte-order-mark': `\uFEFFfigures: [plan.figures.yaml, flow.figures.yaml]\n${rule}`,
      'rule-document-wins': `document: doc.txt\nfigures: [none.figures.yaml]\n${rule}`,
    };
    for (const [name, text] of Object.entries(layouts)) {
      const file = path.join(dir, `${name}.yaml`);
      writeFileSync(file, text);
      const set = loadRuleFile(file);
      expect(set.diagnostics, name).toEqual([]);
      expect(ruleFileDocument(file), name).toBe(set.document.path);
    }
  });

  it('reads a figure file the rule files share once, with the same answers', () => {
    // Two of the fixture's rule files name figures/common.yaml first (it names no document).
    const opened = new Map<string, number>();
    const counting: InputFiles = {
      ...diskFiles,
      open(p) {
        opened.set(path.resolve(p), (opened.get(path.resolve(p)) ?? 0) + 1);
        return diskFiles.open(p);
      },
    };
    const figureDocuments = new Map<string, string | undefined>();
    const remembered = withInputFiles(counting, () => FILES.map((file) => ruleFileDocument(file, {}, figureDocuments)));
    expect(remembered).toEqual(FILES.map((file) => ruleFileDocument(file)));
    const figureReads = [...opened].filter(([file]) => file.includes(`${path.sep}figures${path.sep}`));
    expect(figureReads.map(([file]) => path.basename(file))).toContain('common.yaml');
    expect(figureReads.filter(([, n]) => n > 1)).toEqual([]);
  });

  it('names none for a file that is not YAML', () => {
    expect(ruleFileDocument(`${FIXTURE}/audits/malformed.yaml`)).toBeUndefined();
  });

  it('groups the rule files of one document together, and an unreadable file alone', () => {
    const groups = groupRuleFiles(FILES).map((g) => g.files.map((f) => path.relative(FIXTURE, f)));
    expect(groups).toEqual([
      ['audits/alpha-growth.yaml', 'audits/alpha-share.yaml'],
      ['audits/beta-broken.yaml', 'audits/beta.yaml'],
      ['audits/gamma-missing-figures.yaml', 'more/gamma.yaml'],
      ['audits/malformed.yaml'],
    ]);
  });
});

describe('judged groups', () => {
  it('are plain data: nothing crosses a thread but objects, arrays, strings, numbers and booleans', () => {
    for (const group of groupRuleFiles(FILES)) {
      expect(notPlain(judgeGroup({ files: group.files, cwd: ROOT })), group.files.join(', ')).toEqual([]);
    }
  });
});

describe('the law: a parallel audit equals audit()', () => {
  const selections: [string, string[]][] = [
    ['the fixture', [FIXTURE]],
    ['its folders in reverse', [`${FIXTURE}/more`, `${FIXTURE}/audits`]],
    ['files without errors', [`${FIXTURE}/audits/beta.yaml`, `${FIXTURE}/audits/alpha-share.yaml`, `${FIXTURE}/more`, `${FIXTURE}/audits/alpha-growth.yaml`]],
    ['the CLI fixtures', ['test/fixtures/cli']],
    ['the waiver fixtures', ['test/fixtures/waivers']],
    ['the bundled audit (one document)', ['rules/lang-son']],
  ];

  it.each(selections)('judged in groups in process: %s', async (_name, paths) => {
    expect(await auditInGroups(options(paths), inProcess)).toStrictEqual(audit(options(paths)));
  });

  it.each(selections)('on worker threads: %s', async (_name, paths) => {
    expect(await auditParallel({ ...options(paths), jobs: 2, workerUrl: WORKER })).toStrictEqual(audit(options(paths)));
  });

  it('with more jobs than groups, relative paths and the working directory as cwd', async () => {
    const opts = { paths: [`${FIXTURE}/audits`, `${FIXTURE}/more`], today: TODAY };
    expect(process.cwd()).toBe(ROOT);
    expect(await auditParallel({ ...opts, jobs: 16, workerUrl: WORKER })).toStrictEqual(audit(opts));
  });

  it('for any selection and order of rule files, given by relative or absolute paths', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray(FILES, { minLength: 1 }).chain((files) =>
          fc.tuple(fc.constant(files), fc.array(fc.boolean(), { minLength: files.length, maxLength: files.length })),
        ),
        async ([files, absolute]) => {
          const paths = files.map((f, i) => (absolute[i] ? path.resolve(ROOT, f) : f));
          const opts = { paths, cwd: ROOT, today: TODAY };
          expect(await auditInGroups(opts, inProcess)).toStrictEqual(audit(opts));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('merges any grouping that keeps each document together, and refuses any other', () => {
    const opts = options([FIXTURE]);
    const loaded = loadAudit(opts);
    const expected = audit(opts);
    const keys = judgeRuleSets(loaded.ruleSets).files.map((f) => f.coverageKey);
    fc.assert(
      fc.property(fc.array(fc.nat(3), { minLength: FILES.length, maxLength: FILES.length }), (labels) => {
        const groups = [...new Set(labels)].map((label) => {
          const indices = labels.flatMap((l, i) => (l === label ? [i] : []));
          return { indices, files: indices.map((i) => FILES[i]!), weight: 0 };
        });
        const parts = groups.map((g) => structuredClone(judgeGroup({ files: g.files.map((f) => path.resolve(ROOT, f)), cwd: ROOT })));
        const merged = mergeJudged(groups, parts, FILES.length);
        const closed = keys.every((k, i) => k === undefined || keys.every((k2, j) => k2 !== k || labels[j] === labels[i]));
        expect(merged !== undefined).toBe(closed);
        if (merged) expect(finishAudit(merged, { cwd: ROOT, today: TODAY, waivers: loaded.waivers })).toStrictEqual(expected);
      }),
      { numRuns: 60 },
    );
  });
});
