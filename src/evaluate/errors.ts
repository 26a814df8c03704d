/**
 * An error while evaluating an expression (as opposed to a malformed expression). A domain error
 * of the rule — a division by an interval containing 0 — not a bug: it carries no stack trace,
 * which V8 would otherwise capture at every throw (the judge's searches meet them often).
 */
export class EvaluationError extends Error {
  override name = 'EvaluationError';
  constructor(message: string, options?: ErrorOptions) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message, options);
    Error.stackTraceLimit = limit;
  }
}
