/**
 * The figures of one result in the details panel, and what claims imply: each figure as written
 * and as read; a derived figure with its definition and links to the other results that use it;
 * an implied figure with links to the sentences that imply it; a counted list with its items.
 */
import type { AuditResult, RuleResult } from '../../model.js';
import { VERDICT_ICON } from '../labels.js';
import { html, type Html } from './escape.js';

type ResultFigure = RuleResult['figures'][number];

/** A button that opens another result's details. */
function link(audit: AuditResult, j: number): Html {
  const r = audit.results[j]!;
  return html`<button type="button" data-open="${j}" class="v-${r.verdict}">${VERDICT_ICON[r.verdict]} ${r.id}</button>`;
}

/** The first result with each id, for links by rule id. */
export function resultIndex(audit: AuditResult): Map<string, number> {
  const out = new Map<string, number>();
  audit.results.forEach((r, i) => {
    if (!out.has(r.id)) out.set(r.id, i);
  });
  return out;
}

/** Links to results, by id, leaving out the one shown. */
function links(audit: AuditResult, byId: Map<string, number>, ids: readonly string[], self: number): Html[] {
  return ids.flatMap((id) => {
    const j = byId.get(id);
    return j === undefined || j === self ? [] : [link(audit, j)];
  });
}

function figureRow(audit: AuditResult, i: number, f: ResultFigure, byId: Map<string, number>): Html {
  const read = f.unknown ? html`<em>unknown</em>` : (f.interval ?? '—');
  if (f.derived !== undefined) {
    // Other results that name the same derived figure: a change to its definition moves them all.
    const users = audit.results.flatMap((r, j) => (j !== i && r.figures.some((g) => g.id === f.id && g.derived === f.derived) ? [j] : []));
    const uses = users.length ? html`<div class="uses">also used by ${users.map((j) => link(audit, j))}</div>` : '';
    const from = f.restsOn?.length ? html`<div class="uses">derived from ${f.restsOn.join(', ')}</div>` : '';
    return html`<tr class="derived"><td><code>${f.id}</code></td><td><code>= ${f.derived}</code>${from}</td><td>${read}${uses}</td></tr>`;
  }
  if (f.impliedBy) {
    return html`<tr class="implied"><td><code>${f.id}</code></td><td>implied by ${links(audit, byId, f.impliedBy, -1)}</td><td>${read}</td></tr>`;
  }
  if (f.items) {
    return html`<tr><td><code>${f.id}</code></td><td>count of ${f.items.map((q, k) => html`${k ? ', ' : ''}“${q}”`)}</td><td>${read}</td></tr>`;
  }
  return html`<tr><td><code>${f.id}</code></td><td>${f.written ?? '—'}</td><td>${read}</td></tr>`;
}

export function figuresTable(audit: AuditResult, i: number, byId: Map<string, number>): Html | string {
  const r = audit.results[i]!;
  if (!r.figures.length) return '';
  return html`<table class="figures"><thead><tr><th>figure</th><th>as written</th><th>as read</th></tr></thead><tbody>${r.figures.map((f) => figureRow(audit, i, f, byId))}</tbody></table>`;
}

/** What the claims implying a figure say, each sentence a link, and the rules that use it. */
export function impliedSection(audit: AuditResult, i: number, byId: Map<string, number>): Html | string {
  const im = audit.results[i]!.implied;
  if (!im) return '';
  const rows = im.claims.map((c) => {
    const j = byId.get(c.rule);
    return html`<li>${j === undefined || j === i ? html`<code>${c.rule}</code>` : link(audit, j)} “${c.quote}” <span class="mono">(${c.line}:${c.col})</span> implies ${c.values}</li>`;
  });
  const used = im.usedBy.length ? html`<p>Used by ${links(audit, byId, im.usedBy, i)}</p>` : '';
  return html`<div class="d-section implied"><h4>Implies <code>${im.figure}</code></h4><p>${im.values === 'none' ? 'No value every sentence allows' : html`Values: ${im.values}`}</p><ul>${rows}</ul>${used}</div>`;
}
