/**
 * The one ajv instance that validates rule, figure and waiver files. Our schemas are TypeBox
 * declarations, checked against the JSON Schema meta-schema by the tests (the published copies
 * in rules/schema/ are compiled there by a plain ajv), so the loader skips adding and checking
 * the meta-schema: that alone was a third of the CLI's start-up.
 */
import { Ajv } from 'ajv';

let instance: Ajv | undefined;

export function schemaValidator(): Ajv {
  // verbose: errors carry their schema and data, which the loaders' messages use.
  instance ??= new Ajv({ allErrors: true, strict: false, verbose: true, meta: false, validateSchema: false, code: { optimize: false } });
  return instance;
}
