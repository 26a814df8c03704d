/** The HTML report as text: self-contained, escaped, deterministic, every claim marked once. */
import os from 'node:os';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AuditResult, RuleResult, Verdict } from '../../src/model.js';
import { reporters } from '../../src/report/index.js';
import { escapeHtml, html, jsonForScript } from '../../src/report/html/escape.js';
import { anchorNames, findingOrder } from '../../src/report/html/findings.js';
import { htmlReporter } from '../../src/report/html/index.js';
import { type ClaimSpan, segmentText } from '../../src/report/html/segments.js';
import { toJsonReport } from '../../src/report/json.js';
import { sampleAudit, SCRIPT_QUOTE, VI_PATH } from './sample-audit.js';

const render = (audit: AuditResult) => htmlReporter.render(audit, { color: false });

function embeddedJson(page: string): unknown {
  const m = /<script type="application\/json" id="tally-data">([\s\S]*?)<\/script>/.exec(page);
  if (!m) throw new Error('no embedded data');
  return JSON.parse(m[1]!);
}

function headMarks(page: string): { verdict: Verdict; index: number }[] {
  return [...page.matchAll(/<mark class="claim head v-(\w+)" id="[^"]*" data-r="(\d+)"/g)].map((m) => ({
    verdict: m[1] as Verdict,
    index: Number(m[2]),
  }));
}

/** Strip the report's own two script elements; what is left must hold no script at all. */
function withoutOwnScripts(page: string): string {
  const data = page.indexOf('<script type="application/json" id="tally-data">');
  const end = page.lastIndexOf('</script>');
  return page.slice(0, data) + page.slice(end + '</script>'.length);
}

describe('html reporter', () => {
  const audit = sampleAudit();
  const page = render(audit);

  it('is registered with its file name', () => {
    expect(reporters.get('html')).toBe(htmlReporter);
    expect(htmlReporter.fileName).toBe('tally-report.html');
  });

  it('is one self-contained file: inline style and script, no external resource', () => {
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).toContain('<meta charset="utf-8">');
    expect(page.match(/<style>/g)).toHaveLength(1);
    expect(page.match(/<script\b/gi)).toHaveLength(2);
    expect(page).not.toMatch(/<[a-z][^>]*\s(src|srcset|action|poster|data)\s*=/i);
    // Links only within the page: the findings list and deep links.
    const hrefs = [...page.matchAll(/\shref="([^"]*)"/g)].map((m) => m[1]!);
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).toMatch(/^#(rule-[A-Za-z0-9._-]+|results)$/);
    expect(page).not.toMatch(/<(link|iframe|img|object|embed|base)\b/i);
    expect(page).not.toMatch(/@import|url\(|https?:\/\//i);
  });

  it('embeds the JSON report, with < escaped, and it round-trips', () => {
    const m = /<script type="application\/json" id="tally-data">([\s\S]*?)<\/script>/.exec(page)!;
    expect(m[1]).not.toContain('<');
    expect(embeddedJson(page)).toEqual(JSON.parse(JSON.stringify(toJsonReport(audit))));
  });

  it('marks every anchored claim exactly once, by verdict, and only those', () => {
    const heads = headMarks(page);
    const anchored = audit.results
      .map((r, i) => ({ r, i }))
      .filter(({ r }) => r.anchor && audit.documents.some((d) => d.path === r.document));
    expect(heads.map((h) => h.index).sort((a, b) => a - b)).toEqual(anchored.map(({ i }) => i));
    for (const { verdict, index } of heads) expect(audit.results[index]!.verdict).toBe(verdict);
    const count = (v: Verdict) => heads.filter((h) => h.verdict === v).length;
    expect(count('fail')).toBe(3);
    expect(count('pass')).toBe(2);
    expect(count('warn')).toBe(1);
    expect(count('unverifiable')).toBe(1);
    expect(count('error')).toBe(0); // the broken rule has no anchor: it is in the list only
  });

  it('makes claim heads focusable buttons with a label', () => {
    const heads = [...page.matchAll(/<mark class="claim head[^>]*data-r=[^>]*>/g)];
    expect(heads).toHaveLength(7);
    for (const m of heads) {
      expect(m[0]).toContain('tabindex="0"');
      expect(m[0]).toContain('role="button"');
      expect(m[0]).toMatch(/aria-label="(fail|pass|warn|unverifiable|error): /);
    }
  });

  it('nests an inner claim inside the outer one and splits overlapping claims into fragments', () => {
    // grdp-level-2023 (1) sits inside grdp-growth-2020-2023 (0): its head mark is inside 0's mark.
    expect(page).toMatch(
      /<mark class="claim head v-pass" id="rule-grdp-growth-2020-2023" data-r="0"[^>]*>đạt <\/mark><mark class="claim v-pass" data-r="0"><mark class="claim head v-warn" id="rule-grdp-level-2023" data-r="1"[^>]*><span class="stated" data-stated="1">45\.481 tỷ đồng<\/span><\/mark><\/mark>/,
    );
    // revenue-2024-vs-plan (2) and revenue-2024-growth (3) overlap on "đạt 131% dự toán".
    expect(page).toMatch(
      /<mark class="claim v-fail" data-r="2"><mark class="claim head v-fail" id="rule-revenue-2024-growth" data-r="3"[^>]*>đạt <\/mark><\/mark><mark class="claim v-fail" data-r="2"><mark class="claim v-fail" data-r="3"><span class="stated" data-stated="2">131%<\/span><\/mark><\/mark><mark class="claim v-fail" data-r="2"><mark class="claim v-fail" data-r="3"> dự toán<\/mark><\/mark>/,
    );
    expect(page).toMatch(/<mark class="claim v-fail" data-r="3">, tăng <\/mark><mark class="claim v-fail" data-r="3"><span class="stated" data-stated="3">25,8%<\/span><\/mark><mark class="claim v-fail" data-r="3"> so với cùng kỳ<\/mark>/);
  });

  it('marks uncovered numbers distinctly, also inside a claim', () => {
    const uncovered = [...page.matchAll(/<span class="uncovered" title="[^"]*">([^<]*)<\/span>/g)].map((m) => m[1]);
    expect(uncovered.sort()).toEqual(['12.5 million', '6,98%', '725 people', '8,5%'].sort());
    expect(page).toMatch(/<mark class="claim v-fail" data-r="7"> to <\/mark><mark class="claim v-fail" data-r="7"><span class="uncovered"/);
  });

  it('escapes rule text: a quote with <script> renders as text', () => {
    expect(page).toContain(escapeHtml(SCRIPT_QUOTE));
    expect(escapeHtml(SCRIPT_QUOTE)).toBe('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;nguồn&quot; chưa rõ');
    const rest = withoutOwnScripts(page);
    expect(rest).not.toMatch(/<script/i);
    expect(rest).not.toMatch(/<img/i);
    expect(rest).not.toMatch(/<b>census/);
    expect(rest).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(rest).toContain('x&lt;y&amp;z');
  });

  it('renders the details of every result, with diagnosis, waiver, figures and the rule position', () => {
    audit.results.forEach((r, i) => {
      expect(page).toContain(`id="detail-${i}"`);
      expect(page).toContain(`id="result-${i}"`);
      expect(page).toContain(escapeHtml(`${r.declared.file}:${r.declared.line}:${r.declared.col}`));
    });
    const waived = /<div class="detail" id="detail-2"[\s\S]*?(?=<li class="result)/.exec(page)![0];
    expect(waived).toContain('Would hold if:');
    expect(waived).toContain('holds if plan_2024 were 7.485 tỷ đồng instead of 6.598 tỷ đồng');
    expect(waived).toContain('wrong-base');
    expect(waived).toContain('Material');
    expect(waived).toContain('accepted by the statistics office');
    expect(waived).toContain('ngoc.tran');
    expect(waived).toContain('2026-12-31');
    expect(waived).toContain('rules/kinh-te.yaml:20:7');
    expect(waived).toContain('[148,61 %; 148,63 %]');
    expect(waived).toContain('[130,5 %; 131,5 %)');
    expect(waived).toContain('+17,62 pp (+13,45 % relative)');
    expect(waived).toContain('6.598 tỷ đồng');
    expect(waived).toContain('<code>ratio(revenue_2024, plan_2024)</code>');
    expect(waived).toContain('compare with the adjusted plan');
    // The overlapping claim is offered as a link.
    expect(waived).toMatch(/data-open="3"[^>]*>✗ revenue-2024-growth/);
  });

  it('lists findings before passes, in a stable order', () => {
    const order = [...page.matchAll(/<li class="result v-(\w+)" id="result-(\d+)"/g)].map((m) => Number(m[2]));
    expect(order).toEqual([5, 2, 3, 7, 1, 4, 0, 6, 8]);
  });

  it('has a summary with counts per verdict and severity, and coverage', () => {
    for (const v of ['pass', 'fail', 'warn', 'unverifiable', 'error'] as Verdict[]) {
      expect(page).toContain(`<div class="n" data-count="${v}">${audit.summary.byVerdict[v]}</div>`);
    }
    expect(page).toContain(`<strong>${audit.summary.bySeverity.error}</strong> error`);
    // 12 numbers: 7 covered, 1 ignored, 4 uncovered → 8/12 accounted for.
    expect(page).toContain('data-coverage="66.7%"');
    expect(page).toContain('7 covered');
  });

  it('offers filters by verdict, severity and tag', () => {
    for (const v of ['pass', 'fail', 'warn', 'unverifiable', 'error']) expect(page).toContain(`name="verdict" value="${v}" checked`);
    for (const s of ['error', 'warning', 'info']) expect(page).toContain(`name="severity" value="${s}" checked`);
    for (const t of ['budget', 'grdp', 'growth', 'social', 'staff']) expect(page).toContain(`data-tag="${t}"`);
  });

  it('prints cleanly: controls and panel hidden, details listed', () => {
    const print = /@media print \{([\s\S]*?)\n\}/.exec(page)![1]!;
    expect(print).toMatch(/\.controls, \.panel, \.no-print, \.findings \.hint, \.legend \.hint \{ display: none !important; \}/);
    expect(print).toMatch(/\.result-body \{ display: block;/);
  });

  it('is deterministic: same audit, same bytes; nothing from the clock or the machine', () => {
    expect(render(sampleAudit())).toBe(page);
    expect(render(structuredClone(audit))).toBe(page);
    expect(page).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
    expect(page).not.toContain(process.cwd());
    expect(page).not.toContain(os.hostname());
    expect(page).not.toContain(os.userInfo().username === 'root' ? '/root/' : os.homedir());
  });

  it('comes in pieces: no row of the result list and no segment of a document shares a piece with another', () => {
    const pieces = [...htmlReporter.pieces!(audit, { color: false })];
    expect(pieces.join('')).toBe(page);
    const rows = (piece: string) => piece.match(/<li class="result /g)?.length ?? 0;
    expect(pieces.filter((piece) => rows(piece) === 1)).toHaveLength(audit.results.length);
    expect(Math.max(...pieces.map(rows))).toBe(1);
    // Every claim's head is whole in one piece, and the document's claims are spread over several.
    expect(pieces.reduce((n, piece) => n + headMarks(piece).length, 0)).toBe(headMarks(page).length);
    expect(pieces.filter((piece) => headMarks(piece).length > 0).length).toBeGreaterThan(3);
  });

  it('says so when coverage was not measured and when there is no document', () => {
    const empty: AuditResult = { ...sampleAudit({ results: [] }), documents: [], coverage: [] };
    const out = render(empty);
    expect(out).toContain('not measured');
    expect(out).toContain('No document was audited.');
  });

  it('never lets random rule text out of its escaping (property)', () => {
    const nasty = fc
      .array(
        fc.constantFrom('<', '>', '&', '"', "'", '/', 'script', 'SCRIPT', '<!--', '-->', '</', ']]>', '\u2028', '\u0000', 'ạ', '𝄞', ' ', 'x', '\n', '&lt;', '`', '${'),
        { maxLength: 12 },
      )
      .map((parts) => parts.join(''));
    const text = fc.oneof(nasty, fc.string({ unit: 'binary', maxLength: 20 }));
    fc.assert(
      fc.property(text.filter((q) => q.length > 0), text, text, text, (quote, message, note, tag) => {
        const docText = `Intro. ${quote} Outro.`;
        const start = 'Intro. '.length;
        const r: RuleResult = {
          id: `r-${tag}`,
          kind: 'claim',
          severity: 'error',
          verdict: 'fail',
          message,
          declared: { file: `rules/${tag}.yaml`, line: 1, col: 1 },
          document: 'doc.txt',
          quote,
          anchor: { line: 1, col: start + 1, start, end: start + quote.length },
          expr: message,
          figures: [{ id: tag, written: quote }],
          note,
          tags: [tag],
        };
        const base = sampleAudit({ results: [r] });
        const a: AuditResult = { ...base, documents: [{ path: 'doc.txt', sha256: 'a'.repeat(64), locale: 'en', text: docText }], coverage: [] };
        const out = render(a);
        const rest = withoutOwnScripts(out);
        expect(out.match(/<script\b/gi)).toHaveLength(2);
        expect(out.match(/<\/script/gi)).toHaveLength(2);
        expect(rest).not.toMatch(/<script|<!--/i);
        expect(embeddedJson(out)).toEqual(JSON.parse(JSON.stringify(toJsonReport(a))));
        expect(out).toContain(escapeHtml(quote));
        expect(headMarks(out)).toEqual([{ verdict: 'fail', index: 0 }]);
      }),
      { numRuns: 150 },
    );
  });
});

describe('html building blocks', () => {
  it('names each result’s deep link rule-<id>, unique, with only characters an id may hold', () => {
    const audit = sampleAudit();
    const names = anchorNames(audit);
    expect(names[3]).toBe('rule-revenue-2024-growth');
    expect(new Set(names).size).toBe(names.length);
    const odd = sampleAudit({ results: [audit.results[0]!, { ...audit.results[1]!, id: 'grdp growth/2020"<x>' }, { ...audit.results[2]!, id: audit.results[0]!.id }] });
    expect(anchorNames(odd)).toEqual(['rule-grdp-growth-2020-2023', 'rule-grdp-growth-2020--x-', 'rule-grdp-growth-2020-2023-2']);
  });

  it('orders the findings by verdict, then as the documents read, results without a place last', () => {
    // error 5 (no anchor); fails 2, 3 (Vietnamese document, in text order), 7 (English); warn 1.
    expect(findingOrder(sampleAudit())).toEqual([5, 2, 3, 7, 1]);
  });

  it('html`` escapes interpolations and keeps Html fragments', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`<p title="${'"x"'}">${inner}${['&', null, undefined, false, 0]}</p>`.value).toBe(
      '<p title="&quot;x&quot;"><b>&lt;i&gt;</b>&amp;0</p>',
    );
  });

  it('jsonForScript leaves no < > & and parses back', () => {
    const value = { s: '</script><!-- & \u2028 -->', n: [1, 'ạ'] };
    const json = jsonForScript(value);
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual(value);
  });

  it('segments nested, overlapping and uncovered spans', () => {
    const claims: ClaimSpan[] = [
      { index: 0, start: 0, end: 10 },
      { index: 1, start: 2, end: 5 },
      { index: 2, start: 8, end: 14 },
    ];
    // Claim 0 states the number at 8–10, which lies in claim 2's quote too; claim 2 states 12–14.
    const stated: ClaimSpan[] = [
      { index: 0, start: 8, end: 10 },
      { index: 2, start: 12, end: 14 },
    ];
    const segments = segmentText(16, claims, [{ start: 3, end: 4 }], stated);
    expect(segments.map((s) => [s.start, s.end, s.claims, s.heads, s.stated, s.uncovered])).toEqual([
      [0, 2, [0], [0], [], false],
      [2, 3, [0, 1], [1], [], false],
      [3, 4, [0, 1], [], [], true],
      [4, 5, [0, 1], [], [], false],
      [5, 8, [0], [], [], false],
      [8, 10, [0, 2], [2], [0], false],
      [10, 12, [2], [], [], false],
      [12, 14, [2], [], [2], false],
      [14, 16, [], [], [], false],
    ]);
  });

  it('segments partition the text; each claim covers exactly its span, outer first, with one head (property)', () => {
    const span = fc.tuple(fc.nat(40), fc.nat(40)).map(([a, b]) => ({ start: Math.min(a, b), end: Math.max(a, b) }));
    fc.assert(
      fc.property(fc.array(span, { maxLength: 12 }), fc.array(span, { maxLength: 5 }), fc.array(span, { maxLength: 12 }), fc.integer({ min: 0, max: 45 }), (spans, numbers, numerals, length) => {
        const claims = spans.map((s, index) => ({ ...s, index }));
        const stated = numerals.slice(0, claims.length).map((s, index) => ({ ...s, index }));
        const segments = segmentText(length, claims, numbers, stated);
        const clamped = claims.map((c) => ({ ...c, start: Math.min(c.start, length), end: Math.min(c.end, length) }));
        // A partition of [0, length).
        let at = 0;
        for (const s of segments) {
          expect(s.start).toBe(at);
          expect(s.end).toBeGreaterThan(s.start);
          at = s.end;
        }
        expect(at).toBe(length);
        for (const c of claims) {
          const lo = Math.min(c.start, length);
          const hi = Math.min(c.end, length);
          const covered = segments.filter((s) => s.claims.includes(c.index));
          const heads = segments.filter((s) => s.heads.includes(c.index));
          if (hi <= lo) {
            expect(covered).toEqual([]);
            expect(heads).toEqual([]);
            continue;
          }
          expect(covered[0]!.start).toBe(lo);
          expect(covered.at(-1)!.end).toBe(hi);
          expect(covered.reduce((n, s) => n + s.end - s.start, 0)).toBe(hi - lo);
          expect(heads).toEqual([covered[0]]);
        }
        for (const s of segments) {
          const inside = s.claims.map((i) => clamped[i]!);
          for (let k = 1; k < inside.length; k++) {
            const [a, b] = [inside[k - 1]!, inside[k]!];
            expect(a.start < b.start || (a.start === b.start && (a.end > b.end || (a.end === b.end && a.index < b.index)))).toBe(true);
          }
          expect(s.uncovered).toBe(numbers.some((u) => u.start <= s.start && Math.min(u.end, length) >= s.end));
          // A segment is part of claim i's stated number exactly when that number's span covers it.
          expect(s.stated).toEqual(stated.filter((n) => n.start <= s.start && Math.min(n.end, length) >= s.end && n.end > n.start).map((n) => n.index));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the document text intact between the marks', () => {
    const audit = sampleAudit();
    const page = render(audit);
    const doc = /<section class="doc" data-doc="\d+" aria-label="Document data\/bao-cao\.vi\.txt">[\s\S]*?<div class="doc-text" lang="vi">([\s\S]*?)<\/div>\n<\/section>/.exec(page)!;
    const text = doc[1]!
      .replace(/<[^>]+>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
    expect(text).toBe(audit.documents.find((d) => d.path === VI_PATH)!.text);
  });
});
