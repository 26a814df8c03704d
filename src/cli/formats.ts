/**
 * The output formats of `tally audit`, for its flags: names and file names only, so declaring the
 * command loads no reporter. They are the reporters' own (src/report/index.ts; a test checks that
 * they agree).
 */
export const FORMATS: ReadonlyMap<string, { fileName?: string }> = new Map<string, { fileName?: string }>([
  ['console', {}],
  ['json', { fileName: 'tally-report.json' }],
  ['markdown', { fileName: 'tally-report.md' }],
  ['html', { fileName: 'tally-report.html' }],
  ['junit', { fileName: 'tally-junit.xml' }],
  ['sarif', { fileName: 'tally-report.sarif' }],
  ['github', {}],
]);
