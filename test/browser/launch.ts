/**
 * Starts the Chromium the global setup found (see find-chromium.ts) with playwright-core,
 * headless and quiet: no sandbox (CI runs as root), no GPU, no first-run, sync, component-update
 * or background network traffic. Playwright gives every launch a fresh temporary profile
 * (`--user-data-dir`) of its own and removes it on close. A missing browser fails the tests
 * that need it: nothing is skipped.
 */
import { type Browser, chromium } from 'playwright-core';
import { inject } from 'vitest';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchChromium(): Promise<Browser> {
  const found = inject('chromium');
  if ('error' in found) throw new Error(found.error);
  return chromium.launch({ executablePath: found.path, args: CHROMIUM_ARGS });
}
