/**
 * Reviewing with the HTML report, in a real browser: the findings listed first, stepping through
 * them (j/k and the panel's buttons), deep links (#rule-<id>), the page at a phone's 390 px, the
 * stated number of each claim marked exactly where quotes overlap, and the print stylesheet.
 * On the synthetic audit (sample-audit.ts) and on the bundled one, as the built CLI writes it.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RuleResult } from '../../src/model.js';
import { htmlReporter } from '../../src/report/html/index.js';
import { launchChromium } from '../browser/launch.js';
import { type Opened, openReport, shownRule } from '../browser/page.js';
import { sampleAudit } from './sample-audit.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'dist/tally.cjs');

let browser: Browser;
let work: string;
let sampleFile: string;
const pages: Opened[] = [];

async function open(file: string, options: Parameters<typeof openReport>[2] = {}): Promise<Page> {
  const opened = await openReport(browser, file, options);
  pages.push(opened);
  return opened.page;
}

/** The text of the stated numbers the page marks as the open claim's. */
const currentStated = (page: Page) => page.locator('.doc-text .stated.current').allTextContents();
const hash = (page: Page) => page.evaluate(() => location.hash);
const position = (page: Page) => page.locator('#finding-position').textContent();

/** Follows a finding's link in the list at the top: the page opens it when the address changes. */
async function followFinding(page: Page, i: number): Promise<void> {
  await page.locator(`#findings a[data-finding="${i}"]`).click();
  await page.locator(`#panel[data-showing="${i}"]`).waitFor();
}

/** Whether the element lies wholly inside the viewport. */
async function inViewport(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).first().evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth;
  });
}

beforeAll(async () => {
  browser = await launchChromium();
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'tally-review-'));
  sampleFile = path.join(work, 'sample.html');
  fs.writeFileSync(sampleFile, htmlReporter.render(sampleAudit(), { color: false }));
}, 60_000);

afterAll(async () => {
  // No page may have logged an error or asked the network for anything.
  for (const o of pages) {
    expect(o.errors).toEqual([]);
    expect(o.requests.every((r) => r.startsWith(o.url))).toBe(true);
  }
  await browser?.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('findings first', () => {
  it('lists the failures, broken rules and warnings before anything else, each a link to its finding', async () => {
    const page = await open(sampleFile);
    expect(await page.evaluate(() => document.querySelector('body > div.wrap')!.firstElementChild!.id)).toBe('findings');
    const links = page.locator('#findings a[data-finding]');
    expect(await links.evaluateAll((as) => as.map((a) => `${a.getAttribute('data-finding')} ${a.getAttribute('href')}`))).toEqual([
      '5 #rule-growth-average-2021-2023',
      '2 #rule-revenue-2024-vs-plan',
      '3 #rule-revenue-2024-growth',
      '7 #rule-staff-growth',
      '1 #rule-grdp-level-2023',
    ]);
    expect(await page.locator('#findings h2').textContent()).toBe('Findings ‼ 1 error · ✗ 3 fail · ! 1 warn');
    expect(await page.locator('#findings li').nth(1).textContent()).toContain('waived');
    await followFinding(page, 7);
    expect(await shownRule(page)).toBe('staff-growth');
    expect(await hash(page)).toBe('#rule-staff-growth');
    expect(await inViewport(page, '.doc-text mark.claim.head[data-r="7"]')).toBe(true);
    expect(await position(page)).toBe('Finding 4 of 5');
  });
});

describe('next and previous finding', () => {
  it('j and k step through the findings in the order of the list; the buttons do the same and stop at the ends', async () => {
    const page = await open(sampleFile);
    expect(await position(page)).toBe('5 findings');
    await page.keyboard.press('j');
    expect(await shownRule(page)).toBe('growth-average-2021-2023');
    expect(await position(page)).toBe('Finding 1 of 5');
    expect(await page.locator('#finding-prev').isDisabled()).toBe(true);
    await page.keyboard.press('j');
    expect(await shownRule(page)).toBe('revenue-2024-vs-plan');
    await page.keyboard.press('j');
    expect(await shownRule(page)).toBe('revenue-2024-growth');
    await page.keyboard.press('k');
    expect(await shownRule(page)).toBe('revenue-2024-vs-plan');
    await page.locator('#finding-next').click();
    await page.locator('#finding-next').click();
    await page.locator('#finding-next').click();
    expect(await shownRule(page)).toBe('grdp-level-2023');
    expect(await position(page)).toBe('Finding 5 of 5');
    expect(await page.locator('#finding-next').isDisabled()).toBe(true);
    await page.keyboard.press('j');
    expect(await shownRule(page)).toBe('grdp-level-2023');
    await page.locator('#finding-prev').click();
    expect(await shownRule(page)).toBe('staff-growth');
    // The open claim scrolls into view as it is reached.
    expect(await inViewport(page, '.doc-text mark.claim.head[data-r="7"]')).toBe(true);
  });

  it('steps from a claim that is not a finding to the first finding, skips findings filtered out, and ignores j with a modifier', async () => {
    const page = await open(sampleFile);
    await page.locator('.doc-text mark.claim.head[data-r="0"]').click();
    expect(await shownRule(page)).toBe('grdp-growth-2020-2023');
    await page.keyboard.press('Control+j');
    expect(await shownRule(page)).toBe('grdp-growth-2020-2023');
    await page.locator('input[name="verdict"][value="fail"]').uncheck();
    expect(await position(page)).toBe('2 findings');
    await page.keyboard.press('j');
    expect(await shownRule(page)).toBe('growth-average-2021-2023');
    await page.keyboard.press('j');
    expect(await shownRule(page)).toBe('grdp-level-2023');
    expect(await position(page)).toBe('Finding 2 of 2');
  });
});

describe('deep links', () => {
  it('opening the report with #rule-<id> scrolls to the claim and opens its details', async () => {
    const page = await open(sampleFile, { hash: '#rule-staff-growth' });
    expect(await shownRule(page)).toBe('staff-growth');
    expect(await page.locator('#panel').getAttribute('data-showing')).toBe('7');
    expect(await inViewport(page, '#rule-staff-growth')).toBe(true);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  });

  it('a result without a mark in the text opens from its link too, shown by its row', async () => {
    const page = await open(sampleFile, { hash: '#rule-growth-average-2021-2023' });
    expect(await shownRule(page)).toBe('growth-average-2021-2023');
    expect(await inViewport(page, '#result-5 .row')).toBe(true);
  });

  it('follows the address: a changed fragment opens that finding, the open finding is in the address, closing clears it', async () => {
    const page = await open(sampleFile);
    await page.evaluate(() => {
      location.hash = '#rule-revenue-2024-growth';
    });
    await page.waitForFunction(() => document.getElementById('panel')!.getAttribute('data-showing') === '3');
    expect(await shownRule(page)).toBe('revenue-2024-growth');
    await page.locator('.doc-text mark.claim.head[data-r="8"]').click();
    expect(await hash(page)).toBe('#rule-revenue-times');
    await page.keyboard.press('Escape');
    expect(await hash(page)).toBe('');
    expect(await page.locator('#panel').getAttribute('data-showing')).toBeNull();
  });

  it('gives a rule id declared in two rule files two different links', async () => {
    const twice = sampleAudit();
    twice.results[8] = { ...twice.results[8]!, id: 'staff-growth' };
    const file = path.join(work, 'twice.html');
    fs.writeFileSync(file, htmlReporter.render(twice, { color: false }));
    const page = await open(file, { hash: '#rule-staff-growth-2' });
    expect(await page.locator('#panel').getAttribute('data-showing')).toBe('8');
    expect(await page.locator('[id^="rule-staff-growth"]').evaluateAll((els) => els.map((e) => e.id))).toEqual(['rule-staff-growth', 'rule-staff-growth-2']);
  });
});

describe('the stated number', () => {
  it('marks the number the open claim states, not another claim’s, where their quotes overlap', async () => {
    const page = await open(sampleFile);
    // revenue-2024-vs-plan (131%) and revenue-2024-growth (25,8%) share "đạt 131% dự toán".
    await followFinding(page, 3);
    expect(await currentStated(page)).toEqual(['25,8%']);
    await followFinding(page, 2);
    expect(await currentStated(page)).toEqual(['131%']);
    // grdp-level-2023 (45.481 tỷ đồng) sits inside grdp-growth-2020-2023 (30,3 %).
    await page.locator('.doc-text mark.claim.head[data-r="1"]').click();
    expect(await currentStated(page)).toEqual(['45.481 tỷ đồng']);
    await page.locator('.doc-text mark.claim.head[data-r="0"]').click();
    expect(await currentStated(page)).toEqual(['30,3 %']);
    await page.keyboard.press('Escape');
    expect(await currentStated(page)).toEqual([]);
  });
});

describe('at a phone’s width (390 px)', () => {
  it('fits the screen, keeps the previous/next bar in reach, and shows the details of a tapped claim above the fold', async () => {
    const page = await open(sampleFile, { width: 390, height: 844, mobile: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await inViewport(page, '#panel .panel-bar')).toBe(true);
    expect(await page.locator('#panel-empty').isVisible()).toBe(false);
    await page.locator('.doc-text mark.claim.head[data-r="7"]').tap();
    expect(await shownRule(page)).toBe('staff-growth');
    expect(await inViewport(page, '#panel-body .d-head h3')).toBe(true);
    expect(await inViewport(page, '#panel')).toBe(true);
    // The claim moved above the sheet, so both are in view.
    const claim = await page.locator('.doc-text mark.claim.head[data-r="7"]').boundingBox();
    const sheet = await page.locator('#panel').boundingBox();
    expect(claim!.y).toBeGreaterThanOrEqual(0);
    expect(claim!.y + claim!.height).toBeLessThanOrEqual(sheet!.y);
    await page.locator('#finding-next').tap();
    expect(await shownRule(page)).toBe('grdp-level-2023');
    await page.locator('#panel-close').tap();
    expect(await page.locator('#panel-body').textContent()).toBe('');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});

describe('print', () => {
  it('prints the findings list and every finding in full, without the panel, the controls or the key hints', async () => {
    const page = await open(sampleFile);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#findings').isVisible()).toBe(true);
    expect(await page.locator('#findings .hint').isVisible()).toBe(false);
    expect(await page.locator('#panel').isVisible()).toBe(false);
    expect(await page.locator('.controls').isVisible()).toBe(false);
    for (const i of [5, 2, 3, 7, 1]) expect(await page.locator(`#result-${i} .result-body`).isVisible(), String(i)).toBe(true);
    expect(await page.locator('#result-0 .result-body').isVisible()).toBe(false);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('the bundled audit, as the built CLI writes it', () => {
  let file: string;
  let results: RuleResult[];

  beforeAll(() => {
    const out = path.join(work, 'bundled');
    const run = spawnSync(process.execPath, [CLI, 'audit', '--format', 'json', '--format', 'html', '--out', out, '--fail-on', 'never'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    if (run.status !== 0 && run.status !== 2) throw new Error(`tally audit exited ${run.status}: ${run.stderr}`);
    file = path.join(out, 'tally-report.html');
    results = JSON.parse(fs.readFileSync(path.join(out, 'tally-report.json'), 'utf8')).results;
  }, 60_000);

  it('opens every claim from its deep link and marks exactly the number it states', async () => {
    const page = await open(file);
    const claims = results.filter((r) => r.stated?.start !== undefined && r.anchor);
    // Every claim that was judged carries where its stated number is.
    expect(claims.map((r) => r.id)).toEqual(results.filter((r) => r.kind === 'claim' && r.verdict !== 'error').map((r) => r.id));
    for (const r of claims) {
      await page.evaluate((id) => {
        location.hash = `#rule-${id}`;
      }, r.id);
      await page.waitForFunction((id) => document.querySelector('#panel-body .d-head h3')?.textContent === id, r.id);
      expect((await currentStated(page)).join(''), r.id).toBe(r.stated!.text);
    }
  });

  it('steps through every fail and warn with j, in the order of the findings list', async () => {
    const page = await open(file);
    const listed = await page.locator('#findings a[data-finding] code').allTextContents();
    expect([...listed].sort()).toEqual(results.filter((r) => ['error', 'fail', 'warn'].includes(r.verdict)).map((r) => r.id).sort());
    const visited: string[] = [];
    for (let k = 0; k < listed.length; k++) {
      await page.keyboard.press('j');
      visited.push(await shownRule(page));
    }
    expect(visited).toEqual(listed);
  });

  it('is usable at 390 px: nothing wider than the screen, the details of a finding in view', async () => {
    const page = await open(file, { width: 390, height: 844, mobile: true, hash: `#rule-${results.find((r) => r.verdict === 'fail')!.id}` });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await inViewport(page, '#panel-body .d-head h3')).toBe(true);
  });
});
