/** An error while evaluating an expression (as opposed to a malformed expression). */
export class EvaluationError extends Error {
  override name = 'EvaluationError';
}
