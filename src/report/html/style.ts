/**
 * The report's stylesheet, inlined into the page. Verdicts differ by colour AND by underline
 * style and icon, so the page reads in greyscale and for colour-blind readers. Below 760 px the
 * details panel becomes a sheet fixed to the bottom of the screen (its previous/next bar always
 * there), so it is in view wherever the claim is; print drops the controls and the panel and
 * lists every finding in full.
 */
export const STYLE = String.raw`
:root {
  --ink: #1f2328;
  --muted: #59636e;
  --line: #d1d9e0;
  --paper: #ffffff;
  --canvas: #f6f8fa;
  --accent: #0969da;
  --pass: #1a7f37;   --pass-bg: #dafbe1;
  --fail: #cf222e;   --fail-bg: #ffebe9;
  --warn: #9a6700;   --warn-bg: #fff1b8;
  --unverifiable: #0550ae; --unverifiable-bg: #ddf4ff;
  --error: #8250df;  --error-bg: #f3e8ff;
  --uncovered: #6e7781;
  --ui: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif;
  --prose: "Noto Serif", "Source Serif 4", "Source Serif Pro", Cambria, "Times New Roman", "Liberation Serif", "DejaVu Serif", serif;
  --mono: ui-monospace, "SFMono-Regular", "Cascadia Mono", "Noto Sans Mono", "DejaVu Sans Mono", Menlo, Consolas, monospace;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0;
  background: var(--canvas);
  color: var(--ink);
  font: 15px/1.5 var(--ui);
}
code, .mono { font-family: var(--mono); font-size: 0.9em; }
kbd { font-family: var(--mono); font-size: 0.85em; border: 1px solid var(--line); border-bottom-width: 2px; border-radius: 4px; padding: 0 4px; background: var(--paper); }
h1, h2, h3 { line-height: 1.25; margin: 0; }
button { font: inherit; color: inherit; }
.wrap { max-width: 1440px; margin: 0 auto; padding: 0 24px; }

/* ── header and summary ─────────────────────────────────────────────────────────────── */
.top { background: var(--paper); border-bottom: 1px solid var(--line); padding: 18px 0 14px; }
.top h1 { font-size: 22px; letter-spacing: -0.01em; }
.top h1 .tool { color: var(--muted); font-weight: 500; }
.top .meta { margin: 4px 0 0; color: var(--muted); font-size: 13px; }
.summary { display: flex; flex-wrap: wrap; gap: 12px; padding: 16px 0 4px; align-items: stretch; }
.stat {
  display: flex; align-items: center; gap: 10px;
  background: var(--paper); border: 1px solid var(--line); border-left-width: 5px;
  border-radius: 8px; padding: 8px 14px 8px 10px; min-width: 118px;
}
.stat .icon { font-size: 18px; width: 26px; height: 26px; border-radius: 50%; display: inline-flex; align-items: center; justify-content: center; font-weight: 700; }
.stat .n { font-size: 22px; font-weight: 700; font-variant-numeric: tabular-nums; line-height: 1; }
.stat .label { font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: 0.04em; }
.stat.zero { opacity: 0.55; }
.stat.v-pass { border-left-color: var(--pass); } .stat.v-pass .icon { background: var(--pass-bg); color: var(--pass); }
.stat.v-fail { border-left-color: var(--fail); } .stat.v-fail .icon { background: var(--fail-bg); color: var(--fail); }
.stat.v-warn { border-left-color: var(--warn); } .stat.v-warn .icon { background: var(--warn-bg); color: var(--warn); }
.stat.v-unverifiable { border-left-color: var(--unverifiable); } .stat.v-unverifiable .icon { background: var(--unverifiable-bg); color: var(--unverifiable); }
.stat.v-error { border-left-color: var(--error); } .stat.v-error .icon { background: var(--error-bg); color: var(--error); }
.panelish { background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: 8px 14px; }
.severities { display: flex; flex-direction: column; justify-content: center; font-size: 13px; }
.severities strong { font-variant-numeric: tabular-nums; }
.coverage { flex: 1 1 280px; display: flex; flex-direction: column; justify-content: center; gap: 6px; font-size: 13px; min-width: 260px; }
.bar { display: flex; height: 10px; border-radius: 5px; overflow: hidden; background: var(--canvas); border: 1px solid var(--line); }
.bar span { display: block; height: 100%; }
.bar .covered { background: var(--pass); }
.bar .ignored { background: #afb8c1; }
.bar .uncov { background: repeating-linear-gradient(45deg, var(--uncovered) 0 3px, #d0d7de 3px 6px); }
.key { display: inline-block; width: 10px; height: 10px; border-radius: 2px; vertical-align: -1px; margin-right: 3px; }

/* ── findings, first thing on the page ──────────────────────────────────────────────── */
.findings { background: var(--paper); border: 1px solid var(--line); border-left: 5px solid var(--fail); border-radius: 8px; padding: 12px 16px; margin-top: 16px; }
.findings h2 { font-size: 17px; margin-bottom: 6px; }
.findings h2 .counts { font-size: 14px; font-weight: 500; color: var(--muted); margin-left: 6px; }
.findings ol { margin: 0; padding: 0; list-style: none; }
.findings li { display: flex; flex-wrap: wrap; gap: 2px 10px; align-items: baseline; padding: 5px 0; border-top: 1px solid var(--line); font-size: 13.5px; }
.findings li:first-child { border-top: 0; }
.findings a { color: var(--accent); text-decoration: none; display: inline-flex; gap: 8px; align-items: baseline; }
.findings a:hover code, .findings a:focus-visible code { text-decoration: underline; }
.findings a code { font-weight: 600; overflow-wrap: anywhere; }
.findings .msg { flex: 1 1 320px; min-width: 0; overflow-wrap: anywhere; }
.findings .where { font-family: var(--mono); font-size: 12px; color: var(--muted); overflow-wrap: anywhere; }
.findings .hint, .findings .also-count { margin: 8px 0 0; font-size: 12.5px; color: var(--muted); }
.pill.tag-material { background: var(--fail-bg); color: var(--fail); border-color: var(--fail); }
.pill.tag-waived { background: #fff; color: var(--ink); border: 1px dashed var(--ink); }

/* ── controls ───────────────────────────────────────────────────────────────────────── */
.controls { display: flex; flex-wrap: wrap; gap: 10px 22px; align-items: center; padding: 12px 0; border-bottom: 1px solid var(--line); }
.controls fieldset { border: 0; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
.controls legend { float: left; font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: 0.04em; margin-right: 4px; padding: 0; }
.chip {
  display: inline-flex; align-items: center; gap: 5px; cursor: pointer; user-select: none;
  background: var(--paper); border: 1px solid var(--line); border-radius: 999px; padding: 2px 10px; font-size: 13px;
}
.chip input { margin: 0; accent-color: var(--accent); }
.chip:has(input:not(:checked)) { opacity: 0.55; text-decoration: line-through; }
.chip:focus-within { outline: 2px solid var(--accent); outline-offset: 1px; }
.chip .count { color: var(--muted); font-variant-numeric: tabular-nums; }
button.tag { cursor: pointer; }
button.tag[aria-pressed="true"] { background: var(--ink); color: var(--paper); border-color: var(--ink); }
.shown { margin-left: auto; font-size: 13px; color: var(--muted); }
.reset { cursor: pointer; background: none; border: 0; color: var(--accent); text-decoration: underline; padding: 0 2px; font-size: 13px; }

.legend { display: flex; flex-wrap: wrap; gap: 8px 18px; align-items: center; font-size: 13px; color: var(--muted); padding: 10px 0 0; }
.legend .sample { font-family: var(--prose); color: var(--ink); font-size: 14px; }
.legend mark.claim { cursor: default; }
.legend .hint { flex-basis: 100%; }

/* ── document and panel ─────────────────────────────────────────────────────────────── */
.layout { display: grid; grid-template-columns: minmax(0, 880px) minmax(340px, 1fr); gap: 24px; padding: 18px 0 8px; align-items: start; }
.doc { background: var(--paper); border: 1px solid var(--line); border-radius: 10px; margin-bottom: 20px; overflow: hidden; }
.doc-head { padding: 12px 22px; border-bottom: 1px solid var(--line); display: flex; flex-wrap: wrap; gap: 4px 16px; align-items: baseline; }
.doc-head h2 { font-size: 15px; font-family: var(--mono); font-weight: 600; word-break: break-all; }
.doc-head .meta { color: var(--muted); font-size: 12px; }
.doc-text {
  font-family: var(--prose); font-size: 17px; line-height: 1.95; color: #24292f;
  white-space: pre-wrap; overflow-wrap: break-word; padding: 18px 28px 24px;
}

mark.claim {
  color: inherit; background: transparent; border-radius: 2px; cursor: pointer;
  -webkit-box-decoration-break: clone; box-decoration-break: clone;
  text-decoration: none; padding: 1px 0;
}
mark.claim.v-pass { background: var(--pass-bg); border-bottom: 1.5px solid var(--pass); }
mark.claim.v-fail { background: var(--fail-bg); border-bottom: 3px solid var(--fail); }
mark.claim.v-warn { background: var(--warn-bg); border-bottom: 2.5px dashed var(--warn); }
mark.claim.v-unverifiable { background: var(--unverifiable-bg); border-bottom: 2.5px dotted var(--unverifiable); }
mark.claim.v-error { background: var(--error-bg); border-bottom: 4px double var(--error); }
mark.claim mark.claim { background-image: linear-gradient(rgba(31, 35, 40, 0.07), rgba(31, 35, 40, 0.07)); }
mark.claim.head::before {
  font-family: var(--ui); font-size: 11px; font-weight: 700; line-height: 1;
  display: inline-block; vertical-align: 2px; margin: 0 3px 0 1px; padding: 2px 4px; border-radius: 3px; color: #fff;
}
mark.claim.head.v-pass::before { content: "✓"; background: var(--pass); }
mark.claim.head.v-fail::before { content: "✗"; background: var(--fail); }
mark.claim.head.v-warn::before { content: "!"; background: var(--warn); }
mark.claim.head.v-unverifiable::before { content: "?"; background: var(--unverifiable); }
mark.claim.head.v-error::before { content: "‼"; background: var(--error); }
mark.claim:hover { filter: brightness(0.96); }
mark.claim { scroll-margin-top: 16px; }
/* The number a claim states: bold always; boxed while its claim is open. */
.stated { font-weight: 700; }
.stated.current { outline: 2px solid var(--ink); outline-offset: 1px; border-radius: 2px; background: var(--paper); }
.legend .stated { outline: 2px solid var(--ink); outline-offset: 1px; border-radius: 2px; }
mark.claim.head:focus { outline: none; }
.doc-text mark.claim.head:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
/* The open claim: tinted, not outlined, so a claim cut into fragments still reads as one band. */
.doc-text mark.claim.active { background-image: linear-gradient(rgba(9, 105, 218, 0.2), rgba(9, 105, 218, 0.2)); }
mark.claim.flash { animation: flash 1.2s ease-out 1; }
@keyframes flash { 0% { box-shadow: 0 0 0 4px rgba(9, 105, 218, 0.45); } 100% { box-shadow: 0 0 0 4px rgba(9, 105, 218, 0); } }
@media (prefers-reduced-motion: reduce) { mark.claim.flash { animation: none; } }
.uncovered {
  background: repeating-linear-gradient(135deg, rgba(110, 119, 129, 0.22) 0 3px, transparent 3px 6px);
  outline: 1.5px dashed var(--uncovered); outline-offset: 1px; border-radius: 2px; cursor: help;
}
@media screen {
  mark.claim.off { background: none; border-bottom: 0; cursor: auto; outline: none; }
  mark.claim.off.head::before { content: none; }
  .result.filtered-out { display: none; }
}

.panel {
  position: sticky; top: 12px; max-height: calc(100vh - 24px); overflow: auto;
  background: var(--paper); border: 1px solid var(--line); border-radius: 10px; padding: 16px 18px;
  box-shadow: 0 1px 3px rgba(31, 35, 40, 0.06);
}
.panel:focus { outline: 2px solid var(--accent); outline-offset: 2px; }
.panel-empty { color: var(--muted); font-size: 14px; }
.panel-empty p { margin: 0 0 8px; }
.panel-bar { display: flex; align-items: center; gap: 8px; margin: -6px -8px 10px 0; }
.panel-bar .position { flex: 1; text-align: center; font-size: 12.5px; color: var(--muted); }
.panel .step { cursor: pointer; border: 1px solid var(--line); background: var(--paper); border-radius: 6px; padding: 2px 10px; font-size: 13px; }
.panel .step:disabled { cursor: default; opacity: 0.4; }
.panel .step:not(:disabled):hover { background: var(--canvas); }
.panel .close { cursor: pointer; border: 0; background: none; font-size: 20px; line-height: 1; color: var(--muted); padding: 2px 6px; border-radius: 4px; }
.panel .close:hover { background: var(--canvas); }
.panel:not(.open) .close { visibility: hidden; }

/* ── details (panel and list) ───────────────────────────────────────────────────────── */
.detail { font-size: 14px; }
.d-head { display: flex; flex-wrap: wrap; gap: 6px 8px; align-items: center; margin-bottom: 8px; }
.d-head h3 { font-size: 16px; font-family: var(--mono); font-weight: 600; overflow-wrap: anywhere; width: 100%; }
.pill { display: inline-flex; align-items: center; gap: 4px; font-size: 12px; font-weight: 600; border-radius: 999px; padding: 1px 9px; border: 1px solid transparent; white-space: nowrap; }
.pill.v-pass { background: var(--pass-bg); color: var(--pass); border-color: var(--pass); }
.pill.v-fail { background: var(--fail-bg); color: var(--fail); border-color: var(--fail); }
.pill.v-warn { background: var(--warn-bg); color: var(--warn); border-color: var(--warn); }
.pill.v-unverifiable { background: var(--unverifiable-bg); color: var(--unverifiable); border-color: var(--unverifiable); }
.pill.v-error { background: var(--error-bg); color: var(--error); border-color: var(--error); }
.pill.sev, .pill.kind { background: var(--canvas); color: var(--muted); border-color: var(--line); font-weight: 500; }
.pill.waived { background: #fff; color: var(--ink); border: 1px dashed var(--ink); }
.d-message { margin: 0 0 10px; font-size: 14.5px; }
.d-quote { margin: 0 0 10px; padding: 6px 12px; border-left: 3px solid var(--line); font-family: var(--prose); font-size: 15px; line-height: 1.6; background: var(--canvas); border-radius: 0 6px 6px 0; }
.d-quote .where { display: block; font-family: var(--mono); font-size: 11.5px; color: var(--muted); margin-top: 2px; }
.facts { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 4px 12px; margin: 0 0 10px; }
.facts dt { color: var(--muted); font-size: 12.5px; padding-top: 1px; }
.facts dd { margin: 0; overflow-wrap: anywhere; }
.figures { border-collapse: collapse; width: 100%; margin: 2px 0 10px; font-size: 13px; }
.figures th, .figures td { text-align: left; padding: 3px 6px; border-bottom: 1px solid var(--line); vertical-align: top; overflow-wrap: break-word; }
.figures td:first-child { white-space: nowrap; }
.figures th { color: var(--muted); font-weight: 500; font-size: 12px; }
.d-section { margin: 10px 0 0; }
.d-section h4 { margin: 0 0 4px; font-size: 12px; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); }
.d-section p { margin: 2px 0 4px; }
.d-section ul { margin: 0 0 4px; padding-left: 18px; }
.d-section li { margin: 2px 0; }
.figures .uses { color: var(--muted); font-size: 12px; }
.material { color: var(--fail); font-weight: 600; }
.immaterial { color: var(--muted); }
.waiver { border: 1px dashed var(--ink); border-radius: 6px; padding: 6px 10px; }
.note { background: #fff8c5; border-radius: 6px; padding: 6px 10px; }
.also button, .implied button, .figures button { cursor: pointer; border: 1px solid var(--line); background: var(--paper); border-radius: 4px; padding: 0 6px; margin: 2px 4px 2px 0; font-family: var(--mono); font-size: 12px; }

/* ── list of results ────────────────────────────────────────────────────────────────── */
.results { padding: 8px 0 24px; }
.results > h2, .problems > h2, .inputs > h2 { font-size: 17px; margin: 20px 0 10px; }
.result-list { list-style: none; margin: 0; padding: 0; background: var(--paper); border: 1px solid var(--line); border-radius: 10px; overflow: hidden; }
.result { border-bottom: 1px solid var(--line); }
.result:last-child { border-bottom: 0; }
.result.selected { background: #f0f6ff; }
.row { display: grid; grid-template-columns: 118px minmax(200px, 300px) 112px minmax(0, 1fr) auto; gap: 12px; align-items: baseline; padding: 7px 14px; font-size: 13.5px; }
.row > .pill { justify-self: start; }
.row .open { cursor: pointer; background: none; border: 0; padding: 0; text-align: left; font-family: var(--mono); font-size: 13px; font-weight: 600; color: var(--accent); overflow-wrap: anywhere; }
.row .open:hover { text-decoration: underline; }
.row .msg { color: var(--ink); overflow-wrap: anywhere; }
.row .where { font-family: var(--mono); font-size: 12px; color: var(--muted); white-space: nowrap; }
.result-body { display: none; padding: 4px 14px 14px 144px; }
.problems .frame { background: var(--canvas); border: 1px solid var(--line); border-radius: 6px; padding: 8px 10px; overflow: auto; font-size: 12.5px; margin: 4px 0 12px; }
.problems ul { background: var(--paper); border: 1px solid var(--line); border-radius: 10px; margin: 0; padding: 10px 14px 4px 32px; }
.inputs table { border-collapse: collapse; background: var(--paper); border: 1px solid var(--line); border-radius: 10px; font-size: 13px; width: 100%; }
.inputs th, .inputs td { text-align: left; padding: 6px 12px; border-bottom: 1px solid var(--line); }
.inputs td.hash { font-family: var(--mono); font-size: 12px; color: var(--muted); word-break: break-all; }
footer { color: var(--muted); font-size: 12px; padding: 12px 0 32px; }

@media (max-width: 1000px) {
  .layout { grid-template-columns: minmax(0, 1fr); }
  .panel { position: static; max-height: none; }
  .row { grid-template-columns: 110px minmax(0, 1fr); }
  .row .msg, .row .where { grid-column: 1 / -1; }
  .row .where { white-space: normal; overflow-wrap: anywhere; }
  .result-body { padding-left: 14px; }
}

/* A phone: the panel is a sheet at the bottom of the screen, only its bar while nothing is open. */
@media screen and (max-width: 760px) {
  body { padding-bottom: 64px; }
  .wrap { padding: 0 12px; }
  .doc-text { padding: 14px 14px 18px; font-size: 16px; }
  .panel {
    position: fixed; left: 0; right: 0; bottom: 0; top: auto; z-index: 10;
    max-height: 62vh; overflow: auto; border-radius: 12px 12px 0 0; border-bottom: 0;
    padding: 10px 14px 14px; box-shadow: 0 -4px 16px rgba(31, 35, 40, 0.18);
  }
  .panel-bar { margin: 0 0 8px; position: sticky; top: -10px; background: var(--paper); padding: 4px 0; }
  .panel:not(.open) .panel-bar { margin: 0; }
  .panel:not(.open) .panel-empty { display: none; }
  .panel .step .word { display: none; }
  .panel .step { padding: 6px 14px; font-size: 16px; }
  .coverage { min-width: 0; }
  .inputs td.mono { overflow-wrap: anywhere; }
}

/* ── print: no controls, every finding listed in full, colours kept ─────────────────── */
@media print {
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { background: #fff; font-size: 10.5pt; }
  .wrap { max-width: none; padding: 0; }
  .controls, .panel, .no-print, .findings .hint, .legend .hint { display: none !important; }
  .findings { border-left-width: 3px; break-inside: avoid; }
  .findings a { color: var(--ink); }
  .layout { display: block; padding: 0; }
  .doc { border: 0; break-inside: auto; }
  .doc-text { font-size: 11.5pt; line-height: 1.8; max-width: none; padding: 8px 0; }
  .row > .pill { justify-self: start; }
.row .open { color: var(--ink); }
  .result { break-inside: avoid; }
  .result-body { display: block; padding: 0 14px 10px 14px; }
  .result.v-pass .result-body { display: none; }
  .result-body .d-head, .result-body .d-message, .result-body .also { display: none; }
  .doc-text mark.claim.active { background-image: none; }
  .stated.current { outline: none; }
  .stat, .panelish, .result-list, .inputs table { box-shadow: none; }
}
`;
