/** `tally explain` (flags in explain-command.ts): build the explanation, lay it out as text or JSON. */
import { explain } from '../audit.js';
import type { Explanation } from '../judge/explain.js';
import { formatDiagnostic } from '../load/diagnostics.js';
import { explainReadingAt, isReadingQuery, type ReadingExplanation } from '../load/reading-query.js';
import { ciLogSafe, jsonInert, terminalSafe } from '../report/escape.js';
import { VERDICT_ICON, verdictPainter } from '../report/labels.js';
import { VERSION } from '../version.js';
import { UsageError } from '../load/usage-error.js';
import type { ExplainFlags } from './explain-command.js';
import { useColor } from './color.js';
import { cliConfig, flagOr, projectOptions } from './config.js';
import { filterOf } from './flags.js';

/** The command: a rule's computation, or how the number at a place was read. */
export function runExplainCommand(id: string | undefined, paths: string[], flags: ExplainFlags): void {
  // With --rule or --tag the rules are chosen by the flags: every argument is a path.
  if (flags.rule?.length || flags.tag?.length) return runExplain(undefined, id === undefined ? paths : [id, ...paths], flags);
  if (id === undefined) throw new UsageError('name the rule to explain (or a place doc.txt:LINE:COL), or select rules with --rule or --tag');
  return isReadingQuery(id) ? runReading(id, paths, flags) : runExplain(id, paths, flags);
}

/** An unknown rule id is a UsageError (with "did you mean"), reported by main with exit code 2. */
function runExplain(id: string | undefined, paths: string[], flags: ExplainFlags): void {
  const explanations = explain({ ...projectOptions(paths, flags, cliConfig()), ...(id !== undefined ? { rule: id } : {}), filter: filterOf(flags) });
  if (flags.format === 'json') {
    process.stdout.write(`${jsonInert(JSON.stringify({ tool: { name: 'tally', version: VERSION }, explanations }, null, 2))}\n`);
  } else {
    const color = useColor(process.stdout);
    process.stdout.write(explanations.map((e) => renderExplanation(e, color)).join('\n'));
  }
  process.exitCode = explanations.some((e) => e.verdict === 'error') ? 2 : 0;
}

/** A reading query: exit 0 when the place holds a number (UsageError, exit 2, when it does not). */
function runReading(query: string, paths: string[], flags: ExplainFlags): void {
  const config = cliConfig();
  const locale = flagOr(flags.locale, config.locale);
  const r = explainReadingAt(query, { paths: paths.length ? paths : (config.rules ?? []), ...(locale ? { locale } : {}) });
  if (flags.format === 'json') process.stdout.write(`${JSON.stringify({ tool: { name: 'tally', version: VERSION }, reading: r }, null, 2)}\n`);
  else process.stdout.write(renderReading(r, useColor(process.stdout)));
  process.exitCode = 0;
}

/** How one number was read, as aligned lines: the reader's decisions in the order it took them. */
export function renderReading(r: ReadingExplanation, color: boolean): string {
  const { c } = verdictPainter(color);
  const n = r.number;
  const out = [`${c.bold(`${r.document}:${r.line}:${r.col}`)}  “${n.text}”`];
  const row = (label: string, value: string) => out.push(`   ${label.padEnd(9)} ${value}`);
  row('class', `${n.kind}${n.form !== 'numeral' ? ` (written as ${n.form === 'word' ? 'words' : `a ${n.form}`})` : ''}`);
  row('why', n.why);
  row('locale', `${r.locale} — ${r.localeFrom}`);
  if (n.problem) row('problem', c.red(n.problem));
  if (n.value) {
    row('numeral', `${n.numeral}${n.decimals ? ` (${n.decimals} decimal${n.decimals === 1 ? '' : 's'})` : ''}`);
    if (n.scale) row('scale', `${n.scale.word} = 10^${n.scale.exponent}`);
    if (n.unit) row('unit', `${n.unit.written !== undefined ? `${n.unit.written} → ` : ''}${n.unit.code} (${n.unit.dimension})`);
    else if (n.percent) row('unit', '% (percent)');
    row('value', `${n.value.exact}${n.percent ? c.dim('  (a fraction: percentages are read as such)') : ''}`);
    if (n.range) row('range', `${n.range.lo} to ${n.range.hi}`);
    if (n.interval) row('interval', `${n.interval.text}  ${c.dim(n.interval.halfWidth)}`);
    row('hedge', n.hedge ? `“${n.hedge.word}” ${n.hedge.position} the number → ${n.hedge.reading}` : 'none');
    if (n.reading) row('reading', `${n.reading.reading} → ${n.reading.set}  ${c.dim(`(${n.reading.from})`)}`);
  }
  if (n.kind === 'quantity' || n.kind === 'range') row('covered', r.coveredBy.length ? `by ${r.coveredBy.join(', ')}` : c.dim('by no rule or figure'));
  return `${out.join('\n')}\n`;
}

/** The explanation as text: numbered sections, aligned, the figures' own notation throughout. */
export function renderExplanation(untrusted: Explanation, color: boolean): string {
  // Rule files are untrusted: no ESC, bidi override or workflow command reaches the terminal.
  const e = terminalSafe(untrusted);
  const { c, byVerdict } = verdictPainter(color);
  const out: string[] = [];
  const section = (n: number, title: string) => out.push('', c.bold(`${n}. ${title}`));
  const waived = e.waiver ? ` ${c.cyan('(waived)')}` : '';
  const severity = e.verdict === 'pass' ? '' : ` ${c.dim(`(severity ${e.severity})`)}`;
  out.push(`${c.bold(e.id)}  ${byVerdict[e.verdict](`${VERDICT_ICON[e.verdict]} ${e.verdict}`)}${severity}${waived}`);
  out.push(`   rule      ${e.declared.file}:${e.declared.line}:${e.declared.col}`);
  if (e.quote) {
    const at = e.anchor && e.document ? c.dim(`  ${e.document}:${e.anchor.line}:${e.anchor.col}`) : '';
    out.push(`   sentence  “${e.quote}”${at}`);
  }
  let n = 0;
  if (e.figures.length) {
    section(++n, 'Figures, as written → as read');
    const width = Math.max(...e.figures.map((f) => f.id.length));
    const writtenWidth = Math.max(...e.figures.map((f) => (f.written ?? '').length));
    for (const f of e.figures) {
      const name = f.id.padEnd(width);
      if (f.status === 'undeclared') out.push(`   ${name}  ${c.red('not declared in any figure file')}`);
      else if (f.status === 'unknown') out.push(`   ${name}  ${c.blue('unknown')}${f.description ? c.dim(` — ${f.description}`) : ''}`);
      else if (f.status === 'derived') out.push(`   ${name}  = ${f.definition}  → ${f.read}${f.restsOn?.length ? c.dim(`  (derived from ${f.restsOn.join(', ')})`) : ''}`);
      else if (f.status === 'implied') {
        const from = f.restsOn?.length ? c.dim(`  (implied from ${f.restsOn.join(', ')})`) : '';
        out.push(`   ${name}  ${c.blue('unknown')}; its claims imply → ${f.read}${from}${f.description ? c.dim(` — ${f.description}`) : ''}`);
      }
      else out.push(`   ${name}  ${(f.written ?? '').padEnd(writtenWidth)}  → ${f.read}${f.precision ? c.dim(`  (${f.precision})`) : ''}`);
      if (f.source) out.push(c.dim(`   ${' '.repeat(width)}  from ${f.source}`));
    }
  }
  section(++n, e.kind === 'claim' ? 'Expression' : 'Assertion');
  out.push(`   ${e.expression || c.dim('(none)')}`);
  if (e.substituted && e.figures.some((f) => f.written)) {
    out.push(`   = ${e.substituted.written}${c.dim('   as written')}`);
    if (e.figures.some((f) => f.read)) out.push(`   = ${e.substituted.read}${c.dim('   as read')}`);
  }
  if (e.steps.length) {
    section(++n, 'Steps, innermost first');
    e.steps.forEach((s, i) => out.push(`   ${String(i + 1).padStart(2)}. ${s.expression}  =  ${s.truth ? c.italic(s.value) : s.value}`));
  }
  if (e.stated) {
    section(++n, 'Stated');
    out.push(`   ${e.stated.text}  ${c.dim(`reading: ${e.stated.reading}`)}`);
    out.push(`   ${e.stated.meaning}`);
  }
  if (e.implied) {
    const im = e.implied;
    section(++n, `Implied: ${im.figure}`);
    out.push(`   ${im.figure} ${im.values === 'none' ? c.red('has no value every sentence allows') : `∈ ${im.values}`}`);
    for (const cl of im.claims) out.push(...wrap(`– ${cl.rule} “${cl.quote}” (${cl.line}:${cl.col}) implies ${cl.values}`, 94).map((l, k) => `     ${k ? '  ' : ''}${l}`));
    out.push(im.usedBy.length ? `   used by ${im.usedBy.join(', ')}` : c.dim(`   no other rule uses ${im.figure}`));
  }
  section(++n, `Verdict: ${byVerdict[e.verdict](e.verdict)}`);
  for (const w of e.why.length ? e.why : [e.message]) out.push(...wrap(w, 96).map((l) => `   ${l}`));
  if (e.proof) out.push(...wrap(proofLine(e), 96).map((l) => c.dim(`   ${l}`)));
  if (e.diagnosis) {
    const d = e.diagnosis;
    section(++n, 'Diagnosis');
    out.push(
      `   material: ${d.materiality.material ? c.red('yes') : 'no'}${d.materiality.material ? '' : c.dim(' (the conclusion stands; only the size is off)')}`,
    );
    for (const r of d.materiality.reasons) out.push(...wrap(`– ${r}`, 94).map((l, k) => `     ${k ? '  ' : ''}${l}`));
    if (d.implied.length) {
      out.push('   implied values (one figure changed, the others as read):');
      for (const i of d.implied) {
        const needed = i.needed === 'none' || /^[≤≥]/.test(i.needed) ? '' : c.dim(`  (needed: ${i.needed})`);
        out.push(`     – ${i.message}${needed}`);
      }
    }
    if (d.slips.length) {
      out.push('   likely slips:');
      for (const s of d.slips) out.push(...wrap(`– [${s.kind}] ${s.message}`, 94).map((l, k) => `     ${k ? '  ' : ''}${l}`));
    } else {
      out.push(c.dim('   likely slips: none found (tried: truncation, scale, ratio vs change, percent vs points, digits, wrong base)'));
    }
  }
  if (e.waiver || e.verdict === 'fail' || e.verdict === 'warn') {
    section(++n, 'Waiver');
    if (e.waiver) {
      const w = e.waiver;
      out.push(`   accepted by ${w.reviewer} until ${w.expires}: ${w.reason}`);
      out.push(c.dim(`   ${w.declared.file}:${w.declared.line}:${w.declared.col} — shown and counted, but it does not fail the run`));
    } else {
      out.push(c.dim('   none'));
    }
  }
  if (e.notes.length) {
    section(++n, 'Notes');
    for (const d of e.notes) out.push(...formatDiagnostic(d).split('\n').map((l) => `   ${l}`));
  }
  return ciLogSafe(`${out.join('\n')}\n`);
}

/** How the verdict was proven, in one sentence. */
function proofLine(e: Explanation): string {
  const p = e.proof!;
  const cost = `${p.evaluations} evaluations, budget ${p.budget}`;
  if (p.kind === 'witness') return `proof: a witness — ${e.witness ? `the figures at ${e.witness}` : 'the figures at their written values'}, evaluated exactly (${cost})`;
  if (p.kind === 'enclosure') return `proof: an enclosure — every value the figures allow, over their whole box, lies outside what the text states (${cost})`;
  return `no proof within the budget (${cost})${p.reason ? `: ${p.reason}` : ''}`;
}

/** Break a long sentence at spaces so it reads in an 80–100 column terminal. */
function wrap(text: string, width: number): string[] {
  const words = text.split(' ');
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && line.length + 1 + w.length > width) {
      lines.push(line);
      line = w;
    } else {
      line = line ? `${line} ${w}` : w;
    }
  }
  if (line) lines.push(line);
  return lines;
}
