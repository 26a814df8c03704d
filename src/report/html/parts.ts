/** Small pieces of markup the page uses in several places. */
import type { Verdict } from '../../model.js';
import { VERDICT_ICON } from '../labels.js';
import { html, type Html } from './escape.js';

export const at = (p: { file: string; line: number; col: number }) => `${p.file}:${p.line}:${p.col}`;

export function verdictPill(v: Verdict): Html {
  return html`<span class="pill v-${v}"><span aria-hidden="true">${VERDICT_ICON[v]}</span> ${v}</span>`;
}
