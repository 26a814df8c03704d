/**
 * The claim functions of the rule language. Adding one = adding its file and one line below.
 */
import type { ClaimFunction } from './types.js';
import { abs } from './abs.js';
import { avg } from './avg.js';
import { cagr } from './cagr.js';
import { decline } from './decline.js';
import { gavg } from './gavg.js';
import { growth } from './growth.js';
import { max } from './max.js';
import { min } from './min.js';
import { pp } from './pp.js';
import { ratio } from './ratio.js';
import { share } from './share.js';
import { sum } from './sum.js';
import { times } from './times.js';

export type { ClaimFunction, Direction, Meaning, Mistake } from './types.js';

export const claimFunctions: readonly ClaimFunction[] = [
  growth,
  decline,
  ratio,
  times,
  share,
  pp,
  sum,
  avg,
  gavg,
  cagr,
  min,
  max,
  abs,
];

export const functionRegistry: ReadonlyMap<string, ClaimFunction> = new Map(claimFunctions.map((f) => [f.name, f]));
