/**
 * The output formats of `tally audit`, each loaded only when chosen: the bundle puts every
 * reporter in a chunk of its own, so an audit printed to the console never loads the HTML report.
 * Names and file names are the reporters' own (src/report/index.ts; a test checks they agree).
 */
import type { Reporter } from '../report/reporter.js';

export interface Format {
  /** File name written under --out; formats without one go to stdout only. */
  fileName?: string;
  load(): Promise<Reporter>;
}

export const FORMATS: ReadonlyMap<string, Format> = new Map<string, Format>([
  ['console', { load: async () => (await import('../report/console.js')).consoleReporter }],
  ['json', { fileName: 'tally-report.json', load: async () => (await import('../report/json.js')).jsonReporter }],
  ['markdown', { fileName: 'tally-report.md', load: async () => (await import('../report/markdown.js')).markdownReporter }],
  ['html', { fileName: 'tally-report.html', load: async () => (await import('../report/html/index.js')).htmlReporter }],
  ['junit', { fileName: 'tally-junit.xml', load: async () => (await import('../report/junit.js')).junitReporter }],
  ['sarif', { fileName: 'tally-report.sarif', load: async () => (await import('../report/sarif.js')).sarifReporter }],
  ['github', { load: async () => (await import('../report/github.js')).githubReporter }],
]);

/** The reporters of the formats named, loaded. */
export async function loadReporters(names: Iterable<string>): Promise<Map<string, Reporter>> {
  const unique = [...new Set(names)];
  const loaded = await Promise.all(unique.map((name) => FORMATS.get(name)!.load()));
  return new Map(unique.map((name, i) => [name, loaded[i]!]));
}
