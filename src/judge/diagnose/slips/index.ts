/**
 * The slips tried on every claim that does not hold, in the order they are reported. Each one
 * undoes its slip, re-judges the claim and speaks only when the claim then holds.
 */
import type { Slip } from '../../../model.js';
import type { DiagnoseContext } from '../context.js';
import { digitSlip } from './digits.js';
import { percentVsPointsSlip } from './percent-points.js';
import { ratioVsChangeSlip } from './ratio-change.js';
import { scaleSlip } from './scale.js';
import { truncationSlip } from './truncation.js';
import type { SlipDetector } from './types.js';
import { wrongBaseSlip } from './wrong-base.js';

export type { SlipDetector } from './types.js';

export const slipDetectors: readonly SlipDetector[] = [
  truncationSlip,
  scaleSlip,
  ratioVsChangeSlip,
  percentVsPointsSlip,
  digitSlip,
  wrongBaseSlip,
];

export function findSlips(c: DiagnoseContext): Slip[] {
  const out: Slip[] = [];
  for (const d of slipDetectors) {
    const slip = d.detect(c);
    if (slip) out.push(slip);
  }
  return out;
}
