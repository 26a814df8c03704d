/**
 * Confinement: every file a rule or figure file names resolves (symbolic links followed) inside
 * the project root or an allowed folder, or it is refused where it is named — never read, never
 * copied into a report (issue 12, finding 1).
 */
import { mkdirSync, mkdtempSync, readdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { audit } from '../../src/audit.js';
import { confinementFor, refusal } from '../../src/load/confine.js';
import { createLoadCache, findRuleFiles, loadRuleFile, ruleFileDocument } from '../../src/load/index.js';
import type { RuleSet } from '../../src/model.js';

const SECRET = 'TOP-SECRET 4242 tỷ đồng';
const DOC = 'Revenue rose 25.0% to 1,250.0 million.\n';
const FIGURES = 'locale: en\nfigures:\n  rev: { quote: "to 1,250.0 million" }\n';

/** A project (with a package.json marker) beside a folder outside it holding a secret. */
function layout() {
  const base = realpathSync(mkdtempSync(path.join(tmpdir(), 'tally-confine-')));
  const project = path.join(base, 'project');
  const outside = path.join(base, 'outside');
  mkdirSync(path.join(project, 'rules'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(path.join(project, 'package.json'), '{}');
  writeFileSync(path.join(project, 'doc.txt'), DOC);
  writeFileSync(path.join(project, 'figures.yaml'), `document: doc.txt\n${FIGURES}`);
  // Figure files that name no document: the rule file's document is used.
  writeFileSync(path.join(project, 'nodoc.yaml'), FIGURES);
  writeFileSync(path.join(outside, 'nodoc.yaml'), FIGURES);
  writeFileSync(path.join(outside, 'secret.txt'), `${SECRET}\n`);
  writeFileSync(path.join(outside, 'secret.yaml'), `document: secret.txt\n${FIGURES}`);
  writeFileSync(path.join(outside, 'table.csv'), `id,value\nsecret,${SECRET}\n`);
  const rule = (name: string, text: string) => {
    const file = path.join(project, 'rules', name);
    writeFileSync(file, text);
    return file;
  };
  return { base, project, outside, rule };
}

const RULES = 'rules:\n  - id: rise\n    quote: "rose 25.0%"\n    expr: "0.25"\n';

const problems = (set: RuleSet) => set.diagnostics.map((d) => `${d.position.line}:${d.position.col} ${d.code}`);
/** Nothing read from outside reaches the loaded set: no text, no frame, no hash of it. */
const leaks = (set: RuleSet) => JSON.stringify({ ...set, figures: [...set.figures.values()] }).includes('TOP-SECRET');

describe('confinement of the files a rule file names', () => {
  it('refuses a document named with ../ outside the project, at its position', () => {
    const { rule, project } = layout();
    const set = loadRuleFile(rule('doc.yaml', `figures: [../figures.yaml]\ndocument: ../../outside/secret.txt\n${RULES}`), { cache: createLoadCache() });
    expect(problems(set)).toEqual(['2:11 path-outside-root']);
    const message = set.diagnostics[0]!.message;
    expect(message).toContain('document "../../outside/secret.txt"');
    expect(message).toContain(`outside the project root ${project}`);
    expect(message).toContain('--allow-outside');
    expect(set.rules).toEqual([]);
    expect(leaks(set)).toBe(false);
  });

  it('refuses a figure file outside the project, and a figure file’s document and tables outside it', () => {
    const { rule, project } = layout();
    const viaFigures = loadRuleFile(rule('figs.yaml', `figures: [../figures.yaml, ../../outside/secret.yaml]\n${RULES}`), { cache: createLoadCache() });
    expect(problems(viaFigures)).toEqual(['1:28 path-outside-root']);
    expect(leaks(viaFigures)).toBe(false);

    writeFileSync(path.join(project, 'far.yaml'), `document: ../outside/secret.txt\n${FIGURES}`);
    const viaDocument = loadRuleFile(rule('far.yaml', `figures: [../far.yaml]\n${RULES}`), { cache: createLoadCache() });
    expect(viaDocument.diagnostics.map((d) => `${path.basename(d.position.file)}:${d.position.line}:${d.position.col} ${d.code}`)).toEqual([
      'far.yaml:1:11 path-outside-root',
    ]);
    expect(leaks(viaDocument)).toBe(false);

    writeFileSync(path.join(project, 'tabled.yaml'), `document: doc.txt\ntables: [../outside/table.csv]\n${FIGURES}`);
    const viaTable = loadRuleFile(rule('tabled.yaml', `figures: [../tabled.yaml]\n${RULES}`), { cache: createLoadCache() });
    expect(viaTable.diagnostics.map((d) => `${path.basename(d.position.file)}:${d.position.line}:${d.position.col} ${d.code}`)).toEqual([
      'tabled.yaml:2:10 path-outside-root',
    ]);
    expect(leaks(viaTable)).toBe(false);
    // The rest of the file still loads: one refused table hides nothing else.
    expect(viaTable.rules.map((r) => r.id)).toEqual(['rise']);
  });

  it('follows symbolic links: a link inside the project to a file outside it is refused', () => {
    const { rule, project, outside } = layout();
    symlinkSync(path.join(outside, 'secret.txt'), path.join(project, 'innocent.txt'));
    const set = loadRuleFile(rule('link.yaml', `figures: [../nodoc.yaml]\ndocument: ../innocent.txt\n${RULES}`), { cache: createLoadCache() });
    expect(problems(set)).toEqual(['2:11 path-outside-root']);
    expect(set.diagnostics[0]!.message).toContain(`a symbolic link to ${path.join(outside, 'secret.txt')}`);
    expect(leaks(set)).toBe(false);
    // A link that stays inside the project is fine.
    symlinkSync(path.join(project, 'doc.txt'), path.join(project, 'alias.txt'));
    const inside = loadRuleFile(rule('alias.yaml', `figures: [../nodoc.yaml]\ndocument: ../alias.txt\n${RULES}`), { cache: createLoadCache() });
    expect(inside.diagnostics).toEqual([]);
  });

  it('refuses a rule file that is a symbolic link out of the project (a contributor’s link in rules/)', () => {
    const { project, outside } = layout();
    writeFileSync(path.join(outside, 'rules.yaml'), `figures: [secret.yaml]\n${RULES}`);
    symlinkSync(path.join(outside, 'rules.yaml'), path.join(project, 'rules', 'evil.yaml'));
    const set = loadRuleFile(path.join(project, 'rules', 'evil.yaml'), { cache: createLoadCache() });
    expect(problems(set)).toEqual(['1:1 path-outside-root']);
    expect(set.sha256).toBe('');
  });

  it('a link out of the project found in a rules folder is reported, not looked into, rule file or not', () => {
    const { project, outside } = layout();
    symlinkSync(path.join(outside, 'secret.yaml'), path.join(project, 'rules', 'linked.yaml'));
    expect(findRuleFiles([path.join(project, 'rules')])).toEqual([path.join(project, 'rules', 'linked.yaml')]);
    const result = audit({ paths: [path.join(project, 'rules')], cwd: project });
    expect(result.diagnostics.map((d) => `${d.position.file}:${d.position.line}:${d.position.col} ${d.code}`)).toEqual(['rules/linked.yaml:1:1 path-outside-root']);
  });

  it('refuses an outside path whether or not the file exists (nothing about outside files is revealed)', () => {
    const { rule } = layout();
    const missing = loadRuleFile(rule('m.yaml', `figures: [../figures.yaml]\ndocument: ../../outside/nope.txt\n${RULES}`), { cache: createLoadCache() });
    const present = loadRuleFile(rule('p.yaml', `figures: [../figures.yaml]\ndocument: ../../outside/secret.txt\n${RULES}`), { cache: createLoadCache() });
    expect(problems(missing)).toEqual(problems(present));
  });

  it('--allow-outside (allowOutside) lifts it for the named folder only', () => {
    const { rule, outside, base } = layout();
    writeFileSync(path.join(outside, 'doc.txt'), DOC);
    const file = rule('allowed.yaml', `figures: [../../outside/nodoc.yaml]\ndocument: ../../outside/doc.txt\n${RULES}`);
    expect(problems(loadRuleFile(file, { cache: createLoadCache() }))).toEqual(['1:11 path-outside-root', '2:11 path-outside-root']);
    const allowed = loadRuleFile(file, { cache: createLoadCache(), policy: { allowOutside: [outside] } });
    expect(allowed.diagnostics).toEqual([]);
    expect(allowed.rules.map((r) => r.id)).toEqual(['rise']);
    // Allowing a sibling folder allows nothing here.
    mkdirSync(path.join(base, 'elsewhere'));
    expect(problems(loadRuleFile(file, { cache: createLoadCache(), policy: { allowOutside: [path.join(base, 'elsewhere')] } }))).toHaveLength(2);
  });

  it('the library API takes allowOutside and root, and the CLI’s defaults hold without them', () => {
    const { rule, outside, project } = layout();
    writeFileSync(path.join(outside, 'doc.txt'), DOC);
    const file = rule('api.yaml', `figures: [../nodoc.yaml]\ndocument: ../../outside/doc.txt\n${RULES}`);
    const refused = audit({ paths: [file], cwd: project });
    expect(refused.diagnostics.map((d) => d.code)).toEqual(['path-outside-root']);
    expect(audit({ paths: [file], cwd: project, allowOutside: [outside] }).results.map((r) => r.verdict)).toEqual(['pass']);
    // An explicit root that holds both folders allows both.
    expect(audit({ paths: [file], cwd: project, root: path.dirname(project) }).diagnostics).toEqual([]);
  });

  it('the grouping of a parallel audit does not read a figure file outside the project either', () => {
    const { rule } = layout();
    const file = rule('group.yaml', `figures: [../../outside/secret.yaml]\n${RULES}`);
    expect(ruleFileDocument(file)).toBeUndefined();
  });
});

describe('the project root', () => {
  it('is the nearest folder above the rule file with tally.config.* or package.json, else the working directory', () => {
    const base = realpathSync(mkdtempSync(path.join(tmpdir(), 'tally-root-')));
    mkdirSync(path.join(base, 'a', 'b', 'c'), { recursive: true });
    writeFileSync(path.join(base, 'a', 'tally.config.yaml'), '');
    expect(confinementFor(path.join(base, 'a', 'b', 'c', 'r.yaml'), { allowOutside: [], cwd: base }).root).toBe(path.join(base, 'a'));
    writeFileSync(path.join(base, 'a', 'b', 'package.json'), '{}');
    expect(confinementFor(path.join(base, 'a', 'b', 'c', 'r.yaml'), { allowOutside: [], cwd: base }).root).toBe(path.join(base, 'a', 'b'));
    // No marker anywhere above a folder of the temporary directory (tmpdir has none): the working directory.
    const bare = realpathSync(mkdtempSync(path.join(tmpdir(), 'tally-bare-')));
    const root = confinementFor(path.join(bare, 'r.yaml'), { allowOutside: [], cwd: path.join(base, 'a') }).root;
    expect(root).toBe(markedAncestors(bare)[0] ?? path.join(base, 'a'));
  });

  it('a path is refused exactly when it leaves the root (property, no symbolic links)', () => {
    const root = realpathSync(mkdtempSync(path.join(tmpdir(), 'tally-law-')));
    const c = { root, allowed: [] };
    fc.assert(
      fc.property(fc.array(fc.constantFrom('..', '.', 'a', 'b', 'sub'), { maxLength: 8 }), (segments) => {
        const written = segments.join('/') || '.';
        const resolved = path.join(root, 'sub', written);
        const inside = path.resolve(resolved) === root || path.resolve(resolved).startsWith(`${root}${path.sep}`);
        expect(refusal('file', written, resolved, c) === undefined).toBe(inside);
      }),
      { numRuns: 300 },
    );
  });
});

/** Folders above `dir` that hold a project marker (the machine's own, if it has any). */
function markedAncestors(dir: string): string[] {
  const out: string[] = [];
  for (let d = path.dirname(dir); ; d = path.dirname(d)) {
    let names: string[] = [];
    try {
      names = readdirSync(d);
    } catch {
      // unreadable: no marker seen
    }
    if (names.some((n) => n === 'package.json' || n.startsWith('tally.config.'))) out.push(d);
    if (path.dirname(d) === d) return out;
  }
}
