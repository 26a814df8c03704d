/**
 * The page: summary, filters, each document's text with its claims marked, a details panel and
 * the list of every result. Everything a reviewer reads is rendered here, escaped by `html`;
 * the client script only shows, hides and copies what is already in the page.
 */
import type { AuditResult, CoveredNumber, Diagnostic, ReportedDocument, RuleResult, Severity, Verdict } from '../../model.js';
import { accountedShare } from '../../judge/coverage.js';
import { findingSeverity } from '../../judge/outcome.js';
import { percentText } from '../coverage.js';
import { toJsonReport } from '../json.js';
import { jsonPieces } from '../json-chunks.js';
import { plural, VERDICT_ICON, VERDICT_ORDER } from '../labels.js';
import { html, type Html, raw, scriptSafe } from './escape.js';
import { figuresTable, impliedSection, resultIndex } from './figures.js';
import { anchorNames, findingOrder, findingsSection } from './findings.js';
import { at, verdictPill } from './parts.js';
import { type ClaimSpan, segmentText } from './segments.js';

/** The levels a result can carry (verdict × severity, judge/outcome.ts): what the level filter offers. */
const LEVELS: (Severity | 'none')[] = ['error', 'warning', 'info', 'none'];

const VERDICT_WORDS: Record<Verdict, string> = {
  pass: 'holds',
  fail: 'does not hold',
  warn: 'holds only under a looser reading',
  unverifiable: 'cannot be checked: a figure is missing',
  error: 'the rule itself is broken',
};

export interface PageParts {
  style: string;
  script: string;
}

function langOf(doc: ReportedDocument | undefined): string {
  return doc?.locale === 'vi-VN' ? 'vi' : 'en';
}

function sortedResults(audit: AuditResult): number[] {
  return audit.results
    .map((_, i) => i)
    .sort((a, b) => VERDICT_ORDER.indexOf(audit.results[a]!.verdict) - VERDICT_ORDER.indexOf(audit.results[b]!.verdict) || a - b);
}

// ── summary ───────────────────────────────────────────────────────────────────────────────

function summary(audit: AuditResult): Html {
  const { byVerdict, bySeverity } = audit.summary;
  const stats = VERDICT_ORDER.map(
    (v) => html`<div class="stat v-${v}${byVerdict[v] === 0 ? ' zero' : ''}" data-verdict="${v}">
  <span class="icon" aria-hidden="true">${VERDICT_ICON[v]}</span>
  <div><div class="n" data-count="${v}">${byVerdict[v]}</div><div class="label">${v}</div></div>
</div>`,
  );
  const { waived } = audit.summary;
  const severities = html`<div class="panelish severities" aria-label="Findings by severity">
  <div><strong>${bySeverity.error}</strong> error · <strong>${bySeverity.warning}</strong> warning · <strong>${bySeverity.info}</strong> info</div>
  <div class="label">findings by severity${waived ? html` · <strong>${waived}</strong> waived` : ''}</div>
</div>`;
  return html`<section class="summary" aria-label="Summary">${stats}${severities}${coverage(audit)}</section>`;
}

function coverage(audit: AuditResult): Html {
  if (audit.coverage.length === 0) {
    return html`<div class="panelish coverage" data-coverage="none"><div><strong>Coverage</strong> not measured for this audit</div></div>`;
  }
  const sum = (k: 'total' | 'covered' | 'ignored' | 'uncovered') => audit.coverage.reduce((n, c) => n + c[k], 0);
  const total = sum('total');
  const covered = sum('covered');
  const ignored = sum('ignored');
  const uncovered = sum('uncovered');
  const width = (n: number) => (total === 0 ? '0' : ((100 * n) / total).toFixed(2));
  const share = percentText(accountedShare({ total, covered, ignored }));
  return html`<div class="panelish coverage" data-coverage="${share}" title="A number is accounted for when a rule states or anchors it, or an ignore rule gives the reason it is not a claim.">
  <div><strong>${share}</strong> of ${plural(total, 'number')} in the text accounted for</div>
  <div class="bar" role="img" aria-label="${`${covered} covered, ${ignored} ignored, ${uncovered} uncovered`}">
    <span class="covered" style="width:${width(covered)}%"></span><span class="ignored" style="width:${width(ignored)}%"></span><span class="uncov" style="width:${width(uncovered)}%"></span>
  </div>
  <div><span class="key bar-covered" style="background:var(--pass)"></span>${covered} covered · <span class="key" style="background:#afb8c1"></span>${ignored} ignored · <span class="key" style="background:var(--uncovered)"></span>${uncovered} uncovered</div>
</div>`;
}

// ── controls and legend ───────────────────────────────────────────────────────────────────

function controls(audit: AuditResult): Html {
  const count = (pred: (r: RuleResult) => boolean) => audit.results.filter(pred).length;
  const verdicts = VERDICT_ORDER.map(
    (v) => html`<label class="chip"><input type="checkbox" name="verdict" value="${v}" checked> <span aria-hidden="true">${VERDICT_ICON[v]}</span> ${v} <span class="count">${count((r) => r.verdict === v)}</span></label>`,
  );
  const severities = LEVELS.map(
    (s) =>
      html`<label class="chip"><input type="checkbox" name="severity" value="${s}" checked> ${s === 'none' ? 'no finding' : s} <span class="count">${count((r) => (findingSeverity(r) ?? 'none') === s)}</span></label>`,
  );
  const tags = [...new Set(audit.results.flatMap((r) => r.tags))].sort();
  const tagButtons = tags.map(
    (t) => html`<button type="button" class="chip tag" data-tag="${t}" aria-pressed="false">${t} <span class="count">${count((r) => r.tags.includes(t))}</span></button>`,
  );
  return html`<section class="controls" aria-label="Filters">
  <fieldset><legend>Verdict</legend>${verdicts}</fieldset>
  <fieldset><legend>Level</legend>${severities}</fieldset>
  ${tags.length ? html`<fieldset><legend>Tags</legend>${tagButtons}</fieldset>` : ''}
  <span class="shown" id="shown" aria-live="polite">Showing ${audit.results.length} of ${plural(audit.results.length, 'result')}</span>
  <button type="button" class="reset" id="reset">Reset filters</button>
</section>`;
}

function legend(): Html {
  const samples = VERDICT_ORDER.map(
    (v) => html`<span class="sample"><mark class="claim head v-${v} legend-mark" aria-hidden="true">${VERDICT_WORDS[v]}</mark></span>`,
  );
  return html`<div class="legend" aria-label="Legend">${samples}<span class="sample"><span class="uncovered" aria-hidden="true">12,3</span> number no rule accounts for</span><span class="sample"><span class="stated legend-stated" aria-hidden="true">25,8%</span> the number a claim states</span><span class="hint">Click or press Enter on a marked claim for its details; nested claims: click the inner text for the inner claim. <kbd>j</kbd> / <kbd>k</kbd>: next / previous finding.</span></div>`;
}

// ── documents ─────────────────────────────────────────────────────────────────────────────

function claimLabel(r: RuleResult): string {
  return `${r.verdict}: ${r.id}${r.waiver ? ' (waived)' : ''} — ${r.message}`;
}

/** The stated number of each claim of the document, where the loader read it. */
function statedSpans(audit: AuditResult, claims: ClaimSpan[]): ClaimSpan[] {
  return claims.flatMap(({ index }) => {
    const s = audit.results[index]!.stated;
    return s?.start !== undefined && s.end !== undefined && s.end > s.start ? [{ index, start: s.start, end: s.end }] : [];
  });
}

/** A document's text with its claims marked, a piece per segment (a long document has tens of thousands). */
function* documentSection(audit: AuditResult, doc: ReportedDocument, index: number, claims: ClaimSpan[], names: string[]): Generator<string> {
  const numbers: CoveredNumber[] = audit.coverage.filter((c) => c.path === doc.path).flatMap((c) => c.numbers);
  const uncovered = numbers.filter((n) => n.status === 'uncovered');
  const segments = segmentText(doc.text.length, claims, uncovered, statedSpans(audit, claims));
  yield html`<section class="doc" data-doc="${index}" aria-label="${`Document ${doc.path}`}">
  <div class="doc-head"><h2>${doc.path}</h2><span class="meta">${doc.locale} · ${plural(claims.length, 'marked claim')} · sha-256 <span class="mono">${doc.sha256.slice(0, 12)}</span></span></div>
  <div class="doc-text" lang="${langOf(doc)}">`.value;
  for (const segment of segments) {
    const text = doc.text.slice(segment.start, segment.end);
    const number = segment.number;
    let inner: Html = segment.stated.length ? html`<span class="stated" data-stated="${segment.stated.join(' ')}">${text}</span>` : html`${text}`;
    if (number) inner = html`<span class="uncovered" title="${`uncovered number ${number.text} (${number.line}:${number.col}): no rule states or anchors it`}">${inner}</span>`;
    for (const i of [...segment.claims].reverse()) {
      const r = audit.results[i]!;
      const head = segment.heads.includes(i);
      // The head carries the deep link (#rule-<id>), so the browser's own jump lands on the claim.
      inner = head
        ? html`<mark class="claim head v-${r.verdict}" id="${names[i]}" data-r="${i}" tabindex="0" role="button" aria-label="${claimLabel(r)}" data-label="${claimLabel(r)}" title="${`${VERDICT_ICON[r.verdict]} ${r.verdict} · ${r.id}`}">${inner}</mark>`
        : html`<mark class="claim v-${r.verdict}" data-r="${i}">${inner}</mark>`;
    }
    yield inner.value;
  }
  yield '</div>\n</section>';
}

/** The anchored claims of each document, by path (one pass over the results). */
function claimsByDocument(audit: AuditResult): Map<string, ClaimSpan[]> {
  const byDoc = new Map<string, ClaimSpan[]>(audit.documents.map((d) => [d.path, []]));
  audit.results.forEach((r, index) => {
    const list = r.document !== undefined ? byDoc.get(r.document) : undefined;
    if (list && r.anchor && r.anchor.end > r.anchor.start) list.push({ index, start: r.anchor.start, end: r.anchor.end });
  });
  return byDoc;
}

/** For each anchored result, the others whose anchors overlap it in the same document. */
function overlapsOf(byDocument: Map<string, ClaimSpan[]>): Map<number, number[]> {
  const out = new Map<number, number[]>();
  const add = (a: number, b: number) => out.set(a, [...(out.get(a) ?? []), b]);
  for (const claims of byDocument.values()) {
    const sorted = [...claims].sort((a, b) => a.start - b.start || a.index - b.index);
    for (let k = 0; k < sorted.length; k++) {
      const a = sorted[k]!;
      for (let m = k + 1; m < sorted.length && sorted[m]!.start < a.end; m++) {
        add(a.index, sorted[m]!.index);
        add(sorted[m]!.index, a.index);
      }
    }
  }
  for (const list of out.values()) list.sort((a, b) => a - b);
  return out;
}

// ── details of one result ────────────────────────────────────────────────────────────────

interface Context {
  overlaps: Map<number, number[]>;
  docs: Map<string, ReportedDocument>;
  /** Each result's deep-link name (`rule-<id>`). */
  names: string[];
  /** Results marked in a rendered document (their deep link is on the mark, not on the list row). */
  marked: Set<number>;
  /** The first result with each id (links to the claims implying a figure, the rules using it). */
  byId: Map<string, number>;
}

function details(audit: AuditResult, i: number, ctx: Context): Html {
  const r = audit.results[i]!;
  const facts: Html[] = [];
  const fact = (term: string, value: Html | string) => facts.push(html`<dt>${term}</dt><dd>${value}</dd>`);
  if (r.expr) fact('expression', html`<code>${r.expr}</code>`);
  if (r.reading) fact('reading', r.reading);
  if (r.stated) fact('stated', html`<strong>${r.stated.text}</strong> → ${r.stated.set}`);
  if (r.computed) fact('computed', r.computed.text);
  if (r.difference) fact('difference', r.difference.text);
  if (r.warning) fact(r.warning.kind === 'undecided' ? 'undecided' : 'holds only', r.warning.message);
  if (r.witness && !r.witnessAtWritten) fact('holds at', Object.entries(r.witness).map(([id, v]) => `${id} = ${v}`).join(', '));
  if (r.missing?.length) fact('missing', html`${r.missing.map((m, k) => html`${k ? ', ' : ''}<code>${m}</code>`)}`);
  fact('rule', html`<code class="rule-at">${at(r.declared)}</code>`);

  const figures = figuresTable(audit, i, ctx.byId);
  const implied = impliedSection(audit, i, ctx.byId);

  const d = r.diagnosis;
  const diagnosis = d
    ? html`<div class="d-section diagnosis"><h4>Diagnosis</h4>
  <p class="${d.materiality.material ? 'material' : 'immaterial'}">${d.materiality.material ? 'Material' : 'Not material'}${d.materiality.reasons.length ? html`: ${d.materiality.reasons.join('; ')}` : ''}</p>
  ${d.implied.length ? html`<p>Would hold if:</p><ul>${d.implied.map((v) => html`<li>${v.message} <span class="mono">(${v.figure}: ${v.written ? html`${v.written} → ` : ''}${v.needed})</span></li>`)}</ul>` : ''}
  ${d.slips.length ? html`<p>Likely slips:</p><ul>${d.slips.map((s) => html`<li><strong>${s.kind}</strong>: ${s.message}</li>`)}</ul>` : ''}
</div>`
    : '';

  const w = r.waiver;
  const waiver = w
    ? html`<div class="d-section waiver"><h4>Waived</h4><p>${w.reason}</p><p class="mono">by ${w.reviewer} · until ${w.expires} · ${at(w.declared)}</p></div>`
    : '';
  const note = r.note ? html`<div class="d-section note"><h4>Reviewer note</h4><p>${r.note}</p></div>` : '';
  const tags = r.tags.length ? html`<div class="d-section"><h4>Tags</h4><p>${r.tags.join(', ')}</p></div>` : '';
  const others = ctx.overlaps.get(i) ?? [];
  const also = others.length
    ? html`<div class="d-section also"><h4>Overlapping claims</h4><p>${others.map(
        (j) => html`<button type="button" data-open="${j}" class="v-${audit.results[j]!.verdict}">${VERDICT_ICON[audit.results[j]!.verdict]} ${audit.results[j]!.id}</button>`,
      )}</p></div>`
    : '';
  const quote = r.quote
    ? html`<blockquote class="d-quote" lang="${langOf(r.document !== undefined ? ctx.docs.get(r.document) : undefined)}">${r.quote}<span class="where">${r.document ?? ''}${r.anchor ? `:${r.anchor.line}:${r.anchor.col}` : ' (not found in the document)'}</span></blockquote>`
    : '';

  return html`<div class="detail" id="detail-${i}" data-r="${i}">
  <div class="d-head"><h3>${r.id}</h3>${verdictPill(r.verdict)}<span class="pill sev">${findingSeverity(r) ?? 'pass'}</span><span class="pill kind">${r.kind === 'assert' ? 'assertion' : 'claim'}</span>${w ? html`<span class="pill waived">waived</span>` : ''}</div>
  <p class="d-message">${r.message}</p>
  ${quote}
  <dl class="facts">${facts}</dl>
  ${figures}${implied}${diagnosis}${waiver}${note}${tags}${also}
</div>`;
}

// ── list, problems, inputs ───────────────────────────────────────────────────────────────

/** The list of every result, a piece per row (a row is a few kilobytes; the list, tens of megabytes). */
function* resultList(audit: AuditResult, ctx: Context): Generator<string> {
  yield '<section class="results" id="results" aria-label="All results"><h2>All results</h2><ol class="result-list">';
  for (const i of sortedResults(audit)) {
    const r = audit.results[i]!;
    const where = r.anchor ? `${r.document}:${r.anchor.line}:${r.anchor.col}` : at(r.declared);
    yield html`<li class="result v-${r.verdict}" id="result-${i}" data-r="${i}" data-anchor="${ctx.names[i]}" data-verdict="${r.verdict}" data-severity="${findingSeverity(r) ?? 'none'}">
  <div class="row"${ctx.marked.has(i) ? '' : html` id="${ctx.names[i]}"`}>${verdictPill(r.verdict)}<button type="button" class="open" data-open="${i}" aria-controls="panel">${r.id}</button><span class="pill sev">${findingSeverity(r) ?? 'pass'}${r.waiver ? ' · waived' : ''}</span><span class="msg">${r.message}</span><span class="where">${where}</span></div>
  <div class="result-body">${details(audit, i, ctx)}</div>
</li>`.value;
  }
  yield '</ol></section>';
}

function problems(diagnostics: Diagnostic[]): Html | string {
  if (diagnostics.length === 0) return '';
  return html`<section class="problems"><h2>Problems in the rule files</h2><ul>${diagnostics.map(
    (d) => html`<li><code>${at(d.position)}</code> <strong>${d.severity}</strong> ${d.code}: ${d.message}${d.suggestions?.length ? ` (did you mean ${d.suggestions.map((s) => `"${s}"`).join(', ')}?)` : ''}${d.frame ? html`<pre class="frame">${d.frame}</pre>` : ''}</li>`,
  )}</ul></section>`;
}

function inputs(audit: AuditResult): Html {
  return html`<section class="inputs"><h2>Inputs</h2><table><thead><tr><th>role</th><th>file</th><th>sha-256</th></tr></thead><tbody>${audit.inputs.map(
    (i) => html`<tr><td>${i.role}</td><td class="mono">${i.path}</td><td class="hash">${i.sha256}</td></tr>`,
  )}</tbody></table></section>`;
}

export function renderPage(audit: AuditResult, parts: PageParts): string {
  return [...pagePieces(audit, parts)].join('');
}

/**
 * The page in pieces, for writing one after another: the markup (each document and each row of the
 * result list a piece), then the audit's data for the script (most of a large report's bytes)
 * piece by piece, then the script.
 */
export function* pagePieces(audit: AuditResult, parts: PageParts): Generator<string> {
  const byDocument = claimsByDocument(audit);
  const names = anchorNames(audit);
  const marked = new Set([...byDocument.values()].flatMap((claims) => claims.map((c) => c.index)));
  const ctx: Context = { overlaps: overlapsOf(byDocument), docs: new Map(audit.documents.map((d) => [d.path, d])), names, marked, byId: resultIndex(audit) };
  const title = `tally audit — ${audit.documents.map((d) => d.path).join(', ') || 'no document'}`;
  yield html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${`tally ${audit.tool.version}`}">
<title>${title}</title>
<style>${raw(parts.style)}</style>
</head>
<body>
<header class="top"><div class="wrap">
  <h1>tally audit <span class="tool">· ${audit.documents.length === 1 ? audit.documents[0]!.path : plural(audit.documents.length, 'document')}</span></h1>
  <p class="meta">tally ${audit.tool.version} · ${plural(audit.summary.total, 'rule')} · ${plural(audit.documents.length, 'document')} · ${plural(audit.inputs.length, 'input file')} (sha-256 below)</p>
</div></header>
<div class="wrap">
${findingsSection(audit, findingOrder(audit), names)}
${summary(audit)}
${controls(audit)}
${legend()}
<main class="layout">
  <div class="docs">`.value;
  // Each document and each row of the result list is a piece of its own: built as one string, the
  // page's markup was a rope of tens of megabytes, flattened in one go to be written.
  for (const [i, doc] of audit.documents.entries()) yield* documentSection(audit, doc, i, byDocument.get(doc.path) ?? [], names);
  if (!audit.documents.length) yield '<p>No document was audited.</p>';
  yield html`</div>
  <aside class="panel" id="panel" tabindex="-1" aria-label="Claim details">
    <div class="panel-bar">
      <button type="button" class="step" id="finding-prev" aria-keyshortcuts="k" title="Previous finding (k)">‹ <span class="word">Previous</span></button>
      <span class="position" id="finding-position" aria-live="polite"></span>
      <button type="button" class="step" id="finding-next" aria-keyshortcuts="j" title="Next finding (j)"><span class="word">Next</span> ›</button>
      <button type="button" class="close" id="panel-close" aria-label="Close details">×</button>
    </div>
    <div class="panel-empty" id="panel-empty"><p><strong>Select a claim</strong> in the text, or a rule in the list below, to see how it was checked.</p><p>Use Tab to move between claims and Enter to open one; Escape closes.</p></div>
    <div id="panel-body" aria-live="polite"></div>
  </aside>
</main>
`.value;
  yield* resultList(audit, ctx);
  yield html`
${problems(audit.diagnostics)}
${inputs(audit)}
<footer>Generated by tally ${audit.tool.version}. Reports are reproducible: the same inputs give the same file.</footer>
</div>
<script type="application/json" id="tally-data">`.value;
  for (const piece of jsonPieces(toJsonReport(audit), { compact: true })) yield scriptSafe(piece);
  yield `</script>\n<script>${parts.script}</script>\n</body>\n</html>\n`;
}
