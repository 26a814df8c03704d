/**
 * What a reviewer works through: the findings (broken rules, false claims, claims that hold only
 * under a looser reading) listed at the top of the page, in the order the previous/next buttons
 * and the j/k keys step through them, and the deep-link name of every result (`#rule-<id>`).
 */
import type { AuditResult, RuleResult, Verdict } from '../../model.js';
import { plural, VERDICT_ICON, VERDICT_ORDER } from '../labels.js';
import { html, type Html } from './escape.js';
import { at, verdictPill } from './parts.js';

const FINDING_VERDICTS: ReadonlySet<Verdict> = new Set(['error', 'fail', 'warn']);

/** Where a result sits in the page's documents: document order, then offset; unanchored results last. */
function placeOf(audit: AuditResult, r: RuleResult): [number, number] {
  const doc = audit.documents.findIndex((d) => d.path === r.document);
  return r.anchor && doc >= 0 ? [doc, r.anchor.start] : [audit.documents.length, 0];
}

/** The findings' indices: by verdict (error, fail, warn), then in reading order. */
export function findingOrder(audit: AuditResult): number[] {
  const rank = (i: number) => VERDICT_ORDER.indexOf(audit.results[i]!.verdict);
  return audit.results
    .map((r, i) => ({ i, place: placeOf(audit, r) }))
    .filter(({ i }) => FINDING_VERDICTS.has(audit.results[i]!.verdict))
    .sort((a, b) => rank(a.i) - rank(b.i) || a.place[0] - b.place[0] || a.place[1] - b.place[1] || a.i - b.i)
    .map(({ i }) => i);
}

/**
 * `rule-<id>` for every result: the fragment that opens it. An id declared in several rule files
 * gets -2, -3 … in the order of the results; characters an HTML id cannot hold become "-".
 */
export function anchorNames(audit: AuditResult): string[] {
  const taken = new Set<string>();
  return audit.results.map((r) => {
    const base = `rule-${r.id.replace(/[^A-Za-z0-9._-]/g, '-')}`;
    let name = base;
    for (let k = 2; taken.has(name); k++) name = `${base}-${k}`;
    taken.add(name);
    return name;
  });
}

export function findingsSection(audit: AuditResult, order: number[], names: string[]): Html {
  const count = (v: Verdict) => audit.results.filter((r) => r.verdict === v).length;
  const counts = VERDICT_ORDER.filter((v) => FINDING_VERDICTS.has(v) && count(v) > 0).map((v) => `${VERDICT_ICON[v]} ${count(v)} ${v}`);
  const unverifiable = count('unverifiable');
  const rest = unverifiable ? html`<p class="also-count">${plural(unverifiable, 'claim')} could not be checked (a figure is missing): see <a href="#results">all results</a>.</p>` : '';
  if (order.length === 0) {
    return html`<nav class="findings" id="findings" aria-label="Findings"><h2>Findings</h2><p>No claim fails, and none holds only under a looser reading.</p>${rest}</nav>`;
  }
  const items = order.map((i) => {
    const r = audit.results[i]!;
    const where = r.anchor && r.document ? `${r.document}:${r.anchor.line}:${r.anchor.col}` : at(r.declared);
    const tags = [r.diagnosis?.materiality.material ? 'material' : '', r.waiver ? 'waived' : ''].filter(Boolean);
    return html`<li class="v-${r.verdict}"><a href="#${names[i]}" data-finding="${i}">${verdictPill(r.verdict)} <code>${r.id}</code></a>${tags.map((t) => html` <span class="pill tag-${t}">${t}</span>`)} <span class="msg">${r.message}</span> <span class="where">${where}</span></li>`;
  });
  return html`<nav class="findings" id="findings" aria-label="Findings">
  <h2>Findings <span class="counts">${counts.join(' · ')}</span></h2>
  <ol>${items}</ol>
  <p class="hint">Open one to see it in the text; then <kbd>j</kbd> / <kbd>k</kbd> or the buttons of the details panel go to the next and previous finding.</p>${rest}
</nav>`;
}
