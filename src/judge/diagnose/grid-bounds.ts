/**
 * Float bounds of a rule's value with one figure at points of a grid (origin + n · step) and the
 * others fixed — as read, or at their written values —, for the implied-value search
 * (implied.ts), which asks about a hundred grid points per figure. The box of the fixed figures
 * is built once; each point rewrites only the moving figure's bounds.
 */
import type Fraction from 'fraction.js';
import { down, floatBounds, floatPlanOf, fractionBounds, up, type FloatPlan } from '../../evaluate/float-bounds.js';
import type { CompiledExpression } from '../../evaluate/index.js';
import type { Interval } from '../../model.js';
import { fillBox } from './quick.js';

const SAFE = 2 ** 53;

export class GridBounds {
  private readonly plan: FloatPlan | null;
  private readonly slot: number;
  /** Bounds of origin and step: [origin below, origin above, step below, step above]. */
  private readonly grid = new Float64Array(4);
  /** The fixed figures as read, and at their written values (null: floats cannot hold them). */
  private readonly asRead: Float64Array | null;
  private readonly atPoints: Float64Array | null;

  constructor(
    compiled: CompiledExpression,
    id: string,
    origin: Fraction,
    step: Fraction,
    scope: ReadonlyMap<string, Interval | null>,
    pointScope: ReadonlyMap<string, Interval | null>,
  ) {
    const plan = floatPlanOf(compiled.program);
    this.slot = compiled.program.slots.indexOf(id);
    this.plan = plan && this.slot >= 0 && fractionBounds(origin, this.grid, 0) && fractionBounds(step, this.grid, 2) ? plan : null;
    this.asRead = this.plan ? this.boxOf(compiled.program.slots, scope, id) : null;
    this.atPoints = this.plan ? this.boxOf(compiled.program.slots, pointScope, id) : null;
  }

  private boxOf(slots: readonly string[], scope: ReadonlyMap<string, Interval | null>, id: string): Float64Array | null {
    // The moving figure's place is left for its points (its own interval may be unbounded).
    const box = new Float64Array(4 * slots.length);
    return fillBox(slots, scope, box, id) ? box : null;
  }

  /**
   * Bounds of the value with the figure at grid point n (the others as read, or at their written
   * values when `points`): true when floats can say, the four bounds then in `values` from `offset`
   * (until the next evaluation of the same program).
   */
  at(n: bigint, points: boolean): boolean {
    const box = points ? this.atPoints : this.asRead;
    if (!this.plan || !box) return false;
    // n as a double (exact up to 2⁵³, else rounded once), times the step, plus the origin.
    const k = Number(n);
    const kLo = Math.abs(k) <= SAFE ? k : down(k);
    const kHi = Math.abs(k) <= SAFE ? k : up(k);
    const g = this.grid;
    const p = g[2]! * kLo;
    const q = g[2]! * kHi;
    const r = g[3]! * kLo;
    const s = g[3]! * kHi;
    const lo = down(g[0]! + down(Math.min(p, q, r, s)));
    const hi = up(g[1]! + up(Math.max(p, q, r, s)));
    const o = 4 * this.slot;
    box[o] = lo;
    box[o + 1] = hi;
    box[o + 2] = lo;
    box[o + 3] = hi;
    return floatBounds(this.plan, box);
  }

  get values(): Float64Array {
    return this.plan!.values;
  }

  get offset(): number {
    return this.plan!.at;
  }
}
