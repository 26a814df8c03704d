/**
 * The HTML report in a real browser: Chromium driven by playwright-core (Debian's when installed,
 * else the one @sparticuz/chromium ships: see test/browser/), the page opened from a file:// URL
 * (no server).
 *
 * Also runs the built CLI on the bundled audit, checks its page the same way, validates its JSON
 * report against the published schema, and keeps screenshots (the whole page, and a phone with a
 * finding open) in test-output/ (and in reports/screenshots/ when TALLY_UPDATE_SCREENSHOT=1).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import fc from 'fast-check';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditResult, RuleResult, Verdict } from '../../src/model.js';
import { htmlReporter } from '../../src/report/html/index.js';
import { toJsonReport } from '../../src/report/json.js';
import { renderJunit } from '../../src/report/junit.js';
import { JsonReport } from '../../src/report/schema.js';
import { launchChromium } from '../browser/launch.js';
import { type Opened, openReport, shownRule } from '../browser/page.js';
import { sampleAudit, SCRIPT_QUOTE } from './sample-audit.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const OUTPUT = path.join(ROOT, 'test-output');
const CLI = path.join(ROOT, 'dist/tally.cjs');

let browser: Browser | undefined;
const open = (file: string) => openReport(browser!, file);

/** Count of highlighted (not filtered-out) claim heads per verdict, in the page. */
async function marksByVerdict(page: Page): Promise<Record<string, number>> {
  return page.$$eval('.doc-text mark.claim.head:not(.off)', (marks) => {
    const out: Record<string, number> = {};
    for (const m of marks) {
      const v = [...m.classList].find((c) => c.startsWith('v-'))!.slice(2);
      out[v] = (out[v] ?? 0) + 1;
    }
    return out;
  });
}

/** Per verdict, how many results of the JSON report are anchored in a rendered document. */
function anchoredByVerdict(report: { results: RuleResult[]; documents: { path: string }[] }): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of report.results) {
    if (!r.anchor || r.anchor.end <= r.anchor.start || !report.documents.some((d) => d.path === r.document)) continue;
    out[r.verdict] = (out[r.verdict] ?? 0) + 1;
  }
  return out;
}

describe('html report in chromium', () => {
  beforeAll(async () => {
    browser = await launchChromium();
    fs.mkdirSync(OUTPUT, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  describe('synthetic audit', () => {
    const audit: AuditResult = sampleAudit();
    const file = path.join(OUTPUT, 'sample', 'tally-report.html');
    let o: Opened;

    beforeAll(async () => {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, htmlReporter.render(audit, { color: false }));
      o = await open(file);
    }, 30_000);

    afterAll(async () => {
      if (o) {
        expect(o.errors).toEqual([]);
        await o.page.close();
      }
    });

    it('loads with no console error and requests nothing but itself', async () => {
      await o.page.screenshot({ path: path.join(OUTPUT, 'sample-report.png'), fullPage: true });
      expect(o.errors).toEqual([]);
      expect(o.requests).toEqual([o.url]);
      expect(await o.page.evaluate(() => document.scripts.length)).toBe(2);
      expect(await o.page.locator('img, iframe, object, embed, link').count()).toBe(0);
    });

    it('highlights as many claims per verdict as the JSON report has anchored results', async () => {
      const report = JSON.parse(JSON.stringify(toJsonReport(audit)));
      const expected = anchoredByVerdict({ results: report.results, documents: audit.documents });
      expect(expected).toEqual({ pass: 2, warn: 1, fail: 3, unverifiable: 1 });
      expect(await marksByVerdict(o.page)).toEqual(expected);
    });

    it('renders hostile rule text as text', async () => {
      const quoteMark = o.page.locator('.doc-text mark.claim.head[data-r="4"]');
      expect(await quoteMark.textContent()).toBe(SCRIPT_QUOTE);
      expect(await o.page.evaluate(() => (window as unknown as { alerted?: boolean }).alerted)).toBeUndefined();
      await quoteMark.click();
      expect(await o.page.locator('#panel-body .note').textContent()).toContain('<img src=x onerror=alert(1)> check with the <b>census</b>');
      expect(await o.page.locator('#panel-body img, #panel-body b, #panel-body script').count()).toBe(0);
    });

    it('opens the details of the clicked claim: inner claim on the inner text, outer claim elsewhere', async () => {
      await o.page.locator('.doc-text mark.claim.head[data-r="3"]').click();
      expect(await shownRule(o.page)).toBe('revenue-2024-growth');
      expect(await o.page.locator('#panel').getAttribute('data-showing')).toBe('3');
      await o.page.locator('.doc-text mark.claim.head[data-r="1"]').click();
      expect(await shownRule(o.page)).toBe('grdp-level-2023');
      await o.page.locator('.doc-text mark.claim[data-r="0"]').last().click();
      expect(await shownRule(o.page)).toBe('grdp-growth-2020-2023');
      const body = o.page.locator('#panel-body');
      expect(await body.textContent()).toContain('rules/kinh-te.yaml:6:5');
      expect(await body.textContent()).toContain('[30,312 %; 30,318 %]');
    });

    it('shows diagnosis and waiver in the panel', async () => {
      await o.page.locator('.doc-text mark.claim.head[data-r="2"]').click();
      const text = (await o.page.locator('#panel-body').textContent()) ?? '';
      expect(text).toContain('revenue-2024-vs-plan');
      expect(text).toContain('Would hold if');
      expect(text).toContain('wrong-base');
      expect(text).toContain('Waived');
      expect(text).toContain('ngoc.tran');
      expect(text).toContain('+17,62 pp (+13,45 % relative)');
      // the overlapping claim is one click away
      await o.page.locator('#panel-body .also button[data-open="3"]').click();
      expect(await shownRule(o.page)).toBe('revenue-2024-growth');
    });

    it('opens details from the keyboard: Enter and Space on a focused claim; Escape closes', async () => {
      await o.page.locator('#panel-close').click();
      await o.page.locator('.doc-text mark.claim.head[data-r="7"]').focus();
      await o.page.keyboard.press('Enter');
      expect(await shownRule(o.page)).toBe('staff-growth');
      await o.page.keyboard.press('Escape');
      expect(await o.page.locator('#panel').getAttribute('data-showing')).toBeNull();
      expect(await o.page.evaluate(() => document.activeElement?.getAttribute('data-r'))).toBe('7');
      await o.page.locator('.doc-text mark.claim.head[data-r="8"]').focus();
      await o.page.keyboard.press(' ');
      expect(await shownRule(o.page)).toBe('revenue-times');
      // Tab moves from claim to claim
      await o.page.locator('.doc-text mark.claim.head[data-r="0"]').focus();
      await o.page.keyboard.press('Tab');
      expect(await o.page.evaluate(() => document.activeElement?.getAttribute('data-r'))).toBe('1');
    });

    it('reaches unanchored results from the list', async () => {
      await o.page.locator('#result-6 button.open').click();
      expect(await shownRule(o.page)).toBe('revenue-part-le-whole');
      await o.page.locator('#result-5 button.open').click();
      expect(await shownRule(o.page)).toBe('growth-average-2021-2023');
    });

    it('filters by verdict, severity and tag', async () => {
      const p = o.page;
      const all = await marksByVerdict(p);
      await p.locator('input[name="verdict"][value="pass"]').uncheck();
      expect(await marksByVerdict(p)).toEqual({ ...all, pass: undefined });
      expect(await p.locator('.result.v-pass').evaluateAll((rows) => rows.map((r) => getComputedStyle(r).display))).toEqual(['none', 'none', 'none']);
      expect(await p.locator('.result.v-fail:visible').count()).toBe(3);
      expect(await p.locator('#shown').textContent()).toBe('Showing 6 of 9 results');
      // a filtered-out claim is no longer a tab stop
      expect(await p.locator('.doc-text mark.claim.head[data-r="0"]').getAttribute('tabindex')).toBe('-1');
      await p.locator('input[name="severity"][value="warning"]').uncheck();
      expect(await marksByVerdict(p)).toEqual({ fail: 2, unverifiable: 1 });
      await p.locator('#reset').click();
      expect(await marksByVerdict(p)).toEqual(all);
      await p.locator('button.tag[data-tag="budget"]').click();
      expect(await p.locator('button.tag[data-tag="budget"]').getAttribute('aria-pressed')).toBe('true');
      expect(await marksByVerdict(p)).toEqual({ fail: 2 });
      expect(await p.locator('.result:visible').evaluateAll((rows) => rows.map((r) => r.id).sort())).toEqual(['result-2', 'result-3', 'result-6']);
      await p.locator('#reset').click();
    });

    it('prints without controls or panel, with findings expanded', async () => {
      await o.page.emulateMedia({ media: 'print' });
      expect(await o.page.locator('.controls').isVisible()).toBe(false);
      expect(await o.page.locator('#panel').isVisible()).toBe(false);
      expect(await o.page.locator('#result-2 .result-body').isVisible()).toBe(true);
      expect(await o.page.locator('#result-0 .result-body').isVisible()).toBe(false);
      await o.page.emulateMedia({ media: 'screen' });
      expect(await o.page.locator('#result-2 .result-body').isVisible()).toBe(false);
    });

    it('JUnit XML of random rule text is well-formed for the browser’s XML parser', async () => {
      const text = fc.oneof(
        fc.string({ unit: 'binary', maxLength: 24 }),
        fc.array(fc.constantFrom('<', '&', '"', "'", ']]>', '\u0000', '\u0008', '\uFFFE', '\uD800', '\r', '\n', '\t', 'ạ', 'x'), { maxLength: 10 }).map((a) => a.join('')),
      );
      const docs = fc.sample(fc.tuple(text, text, text), { numRuns: 60, seed: 42 }).map(([id, message, quote]) => {
        const results = sampleAudit().results.map((r) => ({ ...r, id: `${r.id}${id}`, message: `${r.message}${message}`, quote }));
        return renderJunit(sampleAudit({ results }));
      });
      docs.push(renderJunit(sampleAudit()));
      const problems = await o.page.evaluate((xmls) => {
        return xmls.map((xml) => {
          const doc = new DOMParser().parseFromString(xml, 'application/xml');
          const error = doc.querySelector('parsererror');
          if (error) return error.textContent;
          return doc.documentElement.nodeName === 'testsuites' ? null : `root ${doc.documentElement.nodeName}`;
        });
      }, docs);
      expect(problems.filter((p) => p !== null)).toEqual([]);
    });
  });

  describe('bundled audit (built CLI)', () => {
    let out: string;
    let o: Opened;
    let report: { results: RuleResult[]; documents: { path: string }[]; summary: { byVerdict: Record<Verdict, number> } };

    beforeAll(async () => {
      out = fs.mkdtempSync(path.join(os.tmpdir(), 'tally-html-'));
      const run = spawnSync(process.execPath, [CLI, 'audit', '--format', 'json', '--format', 'html', '--out', out, '--fail-on', 'never'], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 100_000,
        env: { ...process.env, NO_COLOR: '1' },
      });
      // 2 = some rule or rule file is broken: the reports are still written and must still be right.
      if (run.status !== 0 && run.status !== 2) throw new Error(`tally audit exited ${run.status} ${run.signal ?? ''}: ${run.stderr}`);
      report = JSON.parse(fs.readFileSync(path.join(out, 'tally-report.json'), 'utf8'));
      o = await open(path.join(out, 'tally-report.html'));
    }, 120_000);

    afterAll(async () => {
      await o?.page.close();
      if (out) fs.rmSync(out, { recursive: true, force: true });
    });

    it('loads with no console error and requests nothing but itself', () => {
      expect(o.errors).toEqual([]);
      expect(o.requests).toEqual([o.url]);
    });

    it('highlights as many claims per verdict as the JSON report has anchored results', async () => {
      const expected = anchoredByVerdict(report);
      expect(Object.values(expected).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
      expect(await marksByVerdict(o.page)).toEqual(expected);
      expect(await o.page.locator('.result').count()).toBe(report.results.length);
    });

    it('opens the details of the claim clicked, and from the keyboard', async () => {
      const heads = o.page.locator('.doc-text mark.claim.head');
      const first = Number(await heads.first().getAttribute('data-r'));
      await heads.first().click();
      expect(await shownRule(o.page)).toBe(report.results[first]!.id);
      const last = Number(await heads.last().getAttribute('data-r'));
      await heads.last().focus();
      await o.page.keyboard.press('Enter');
      expect(await shownRule(o.page)).toBe(report.results[last]!.id);
      await o.page.keyboard.press('Escape');
    });

    it('hides a verdict when its filter is off', async () => {
      const before = await marksByVerdict(o.page);
      const verdict = Object.keys(before)[0]! as Verdict;
      await o.page.locator(`input[name="verdict"][value="${verdict}"]`).uncheck();
      expect(await marksByVerdict(o.page)).toEqual({ ...before, [verdict]: undefined });
      expect(await o.page.locator(`.result.v-${verdict}:visible`).count()).toBe(0);
      await o.page.locator('#reset').click();
      expect(await marksByVerdict(o.page)).toEqual(before);
    });

    it('keeps screenshots: the whole page, and a phone with the first finding open', async () => {
      const shots = { 'tally-report.png': path.join(OUTPUT, 'tally-report.png'), 'tally-report-phone.png': path.join(OUTPUT, 'tally-report-phone.png') };
      await o.page.screenshot({ path: shots['tally-report.png'], fullPage: true });
      const first = await o.page.locator('#findings a[data-finding]').first().getAttribute('href');
      const phone = await openReport(browser!, path.join(out, 'tally-report.html'), { width: 390, height: 844, mobile: true, hash: first! });
      expect(await shownRule(phone.page)).toBe(first!.slice('#rule-'.length));
      await phone.page.screenshot({ path: shots['tally-report-phone.png'] });
      expect(phone.errors).toEqual([]);
      await phone.page.close();
      for (const [name, shot] of Object.entries(shots)) {
        // A PNG, and not a blank one: a page of text compresses to far more than a plain colour.
        const png = fs.readFileSync(shot);
        expect(png.subarray(1, 4).toString(), name).toBe('PNG');
        expect(png.length, name).toBeGreaterThan(20_000);
        if (process.env.TALLY_UPDATE_SCREENSHOT === '1') {
          const kept = path.join(ROOT, 'reports', 'screenshots', name);
          fs.mkdirSync(path.dirname(kept), { recursive: true });
          fs.copyFileSync(shot, kept);
        }
      }
    });

    it('writes a JSON report that validates against the published schema', () => {
      const validate = new Ajv({ allErrors: true, strict: true }).compile(JsonReport);
      const ok = validate(report);
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    });
  });
});
