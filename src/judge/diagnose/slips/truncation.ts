/**
 * Rounding vs truncation: the claim fails when its value is read as rounded but holds when it is
 * read as cut after the last written digit (the `warn` verdict). Said in words, with the value
 * that rounding would have given.
 */
import type { Slip } from '../../../model.js';
import { formatLike } from '../../../numbers/index.js';
import { showInterval } from '../../show.js';
import { holdsWith, isClaim, type DiagnoseContext } from '../context.js';
import type { SlipDetector } from './types.js';

export function detectTruncation(c: DiagnoseContext): Slip | null {
  if (!isClaim(c)) return null;
  if (c.rule.reading !== 'round' || holdsWith(c) || !holdsWith(c, { reading: 'truncate' })) return null;
  const stated = c.rule.stated;
  if (c.computed.lo === null || c.computed.hi === null) return null;
  const lo = formatLike(c.computed.lo, stated, c.locale);
  const hi = formatLike(c.computed.hi, stated, c.locale);
  const rounded = lo === hi ? lo : `${lo} to ${hi}`;
  return {
    kind: 'truncation',
    message:
      `rounding vs truncation: the figures give ${showInterval(c.computed, stated, c.locale, 2)}, which rounds to ${rounded}; ` +
      `“${stated.text}” is that value cut after its last digit (truncated) instead of rounded`,
  };
}

export const truncationSlip: SlipDetector = { kind: 'truncation', detect: detectTruncation };
