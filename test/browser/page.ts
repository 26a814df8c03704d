/** Opening a report page in the browser and reading what it shows, for the browser tests. */
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';

export interface Opened {
  page: Page;
  /** Console errors and warnings, and uncaught exceptions, of the page. */
  errors: string[];
  /** Every URL the page requested. */
  requests: string[];
  url: string;
}

/** Opens a report file (file:// URL, optionally with a #fragment) at the given viewport, watching errors and requests. */
export async function openReport(
  browser: Browser,
  file: string,
  options: { width?: number; height?: number; hash?: string; mobile?: boolean } = {},
): Promise<Opened> {
  const page = await browser.newPage({
    viewport: { width: options.width ?? 1360, height: options.height ?? 900 },
    deviceScaleFactor: 1,
    ...(options.mobile ? { isMobile: true, hasTouch: true } : {}),
  });
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('request', (r) => requests.push(r.url()));
  const url = pathToFileURL(file).href;
  await page.goto(url + (options.hash ?? ''), { waitUntil: 'load' });
  return { page, errors, requests, url };
}

/** The rule id the details panel shows ('' when it is empty). */
export async function shownRule(page: Page): Promise<string> {
  return (await page.locator('#panel-body .d-head h3').textContent()) ?? '';
}
