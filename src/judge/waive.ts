/**
 * Applying waivers to judged results. A waiver marks a `fail` or `warn` finding of its rule as
 * reviewed and accepted: the verdict is unchanged and the finding still shown and counted, but it
 * no longer fails the run. Waivers that no longer do anything are reported as warnings, so they
 * cannot linger: an expired one (it then waives nothing), one for an unknown rule, and one whose
 * rule has no finding any more.
 */
import path from 'node:path';
import type { WaiverFileResult } from '../load/waivers.js';
import { makeDiagnostic } from '../load/diagnostics.js';
import { UsageError } from '../load/index.js';
import type { Diagnostic, RuleResult } from '../model.js';
import { didYouMean } from '../suggest.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A clock for waiver expiry: an ISO date, a Date, or a function giving the current Date. */
export type Today = string | Date | (() => Date);

function isoDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * Today's date (YYYY-MM-DD, local time) for expiry checks: the option when given, else the
 * TALLY_TODAY environment variable, else the system clock. Throws UsageError on a malformed date.
 */
export function resolveToday(option?: Today, env: string | undefined = process.env.TALLY_TODAY): string {
  const raw = option ?? (env !== undefined && env !== '' ? env : undefined);
  if (raw === undefined) return isoDate(new Date());
  if (typeof raw === 'string') {
    if (!DATE.test(raw)) throw new UsageError(`today's date must be written YYYY-MM-DD (TALLY_TODAY), got "${raw}"`);
    return raw;
  }
  return isoDate(typeof raw === 'function' ? raw() : raw);
}

const isFinding = (r: RuleResult) => r.verdict === 'fail' || r.verdict === 'warn';

function noFinding(r: RuleResult): string {
  switch (r.verdict) {
    case 'pass':
      return 'the rule now passes';
    case 'unverifiable':
      return 'the rule cannot be checked (unverifiable), which is not a finding';
    case 'error':
      return 'the rule is broken (error), and a waiver does not cover a broken rule';
    default:
      return `the rule's verdict is ${r.verdict}`;
  }
}

/**
 * Set `waiver` on the findings the waiver files accept and return the warnings about waivers.
 * A file's waivers apply to the results of rule files in its own folder. `results` must still
 * carry the rule files' paths as loaded (before they are made relative for reports).
 */
export function applyWaivers(results: RuleResult[], files: readonly WaiverFileResult[], today: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const file of files) {
    const folder = path.resolve(file.folder);
    const inFolder = results.filter((r) => path.resolve(path.dirname(r.declared.file)) === folder);
    const warn = (code: string, message: string, position = file.waivers[0]!.rulePosition, suggestions?: string[]) =>
      out.push(makeDiagnostic({ code, severity: 'warning', message, position, source: file.source, ...(suggestions ? { suggestions } : {}) }));
    for (const w of file.waivers) {
      const matching = inFolder.filter((r) => r.id === w.rule);
      if (matching.length === 0) {
        const suggestions = didYouMean(w.rule, inFolder.map((r) => r.id));
        warn('waiver-unknown-rule', `waiver for unknown rule "${w.rule}": no rule of this folder has that id`, w.rulePosition, suggestions);
        continue;
      }
      if (w.waiver.expires < today) {
        const findings = matching.filter(isFinding).length;
        warn(
          'waiver-expired',
          `waiver for "${w.rule}" expired on ${w.waiver.expires} (accepted by ${w.waiver.reviewer}: ${w.waiver.reason}); ` +
            (findings ? 'its finding counts again — review it and renew or remove the waiver' : `remove it: ${noFinding(matching[0]!)}`),
          w.expiresPosition,
        );
        continue;
      }
      const findings = matching.filter(isFinding);
      if (findings.length === 0) {
        warn('waiver-stale', `waiver for "${w.rule}" matches no finding: ${noFinding(matching[0]!)} — remove the waiver`, w.rulePosition);
        continue;
      }
      for (const r of findings) r.waiver = { ...w.waiver };
    }
  }
  return out;
}
