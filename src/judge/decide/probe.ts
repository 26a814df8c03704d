/**
 * Evaluations of one rule's program, each charged to the rule's budget: an enclosure over a cell,
 * a value at a point, a gradient over a cell. The cost is the program's over the figures' domains
 * (cost.ts `costOver`: one unit per cheap operation, hundreds for a root through ln and exp,
 * more where the exact numbers grow large; a gradient costs it once per figure and once more), so
 * the budget bounds the time whatever the expression.
 */
import { enclose, gradient, type Dual, type Program, type Value } from '../../evaluate/index.js';
import { costOver } from '../../evaluate/cost.js';
import type { Interval } from '../../model.js';
import type { Budget } from './budget.js';
import { pointCell, type Cell, type Point, type Variable } from './box.js';

export class Probe {
  private readonly size: number;

  constructor(
    readonly program: Program,
    readonly budget: Budget,
    variables: readonly Variable[],
  ) {
    this.size = costOver(program, variables.map((v) => v.domain));
  }

  /** The enclosure over a cell. Throws EvaluationError (a cell of the rule's own box never does once its root box has not). */
  enclose(cell: Cell): Value {
    this.budget.charge(this.size);
    return enclose(this.program, cell);
  }

  /** The value at a point (a tight enclosure where a root rounds), or null where it is undefined. */
  at(point: Point): Value | null {
    this.budget.charge(this.size);
    try {
      return enclose(this.program, pointCell(point));
    } catch {
      return null;
    }
  }

  /** Value and gradient over a cell of known figures, or null where it cannot be computed. */
  gradient(cell: Cell): Dual | null {
    this.budget.charge(this.size * (1 + this.program.slots.length));
    try {
      return gradient(this.program, cell as Interval[]);
    } catch {
      return null;
    }
  }
}
