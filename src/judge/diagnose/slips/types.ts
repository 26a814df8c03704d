import type { Slip, SlipKind } from '../../../model.js';
import type { DiagnoseContext } from '../context.js';

/**
 * One kind of slip: a function that undoes the slip, re-judges the rule, and returns the slip
 * only when the rule then holds (and did not before). Claims and assertions alike; a kind that
 * is about the stated value only returns null for an assertion. Adding a kind = one file + one line in
 * ./index.ts.
 */
export interface SlipDetector {
  kind: SlipKind;
  detect(c: DiagnoseContext): Slip | null;
}
