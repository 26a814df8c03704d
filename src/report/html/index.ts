/**
 * The HTML report: one self-contained file (inline CSS and script, no network) showing each
 * audited document with every claim marked by its verdict, filters, a details panel and the
 * list of every result. Deterministic: no timestamps, no random ids, results in a stable order.
 */
import type { Reporter } from '../reporter.js';
import { SCRIPT } from './script.js';
import { STYLE } from './style.js';
import { pagePieces, renderPage } from './template.js';

export const htmlReporter: Reporter = {
  name: 'html',
  fileName: 'tally-report.html',
  render: (audit) => renderPage(audit, { style: STYLE, script: SCRIPT }),
  pieces: (audit) => pagePieces(audit, { style: STYLE, script: SCRIPT }),
};
