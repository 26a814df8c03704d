/**
 * A table looked up by words of a document or a rule file. A plain object literal answers
 * `table["constructor"]` with Object's constructor (the fuzzer found "constructor 5" crashing
 * the reader): these tables have no prototype, so any word that is not a key finds nothing.
 */
export function lookupTable<T>(entries: Record<string, T>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}
