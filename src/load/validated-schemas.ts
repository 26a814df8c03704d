/**
 * The schemas the loader validates against, by the name of their validator. ajv compiles them at
 * build time (src/dev/validators.ts writes src/load/validators.generated.js), so an audit never
 * compiles a schema: that was a tenth of a small audit's time.
 *
 * A rule file is validated in two steps so the messages stay clear: the top level with each rule
 * accepted as anything, then each rule against `AssertionRule` when it has an `assert` key and
 * `ClaimRule` otherwise (instead of one anyOf whose errors mix both shapes). Figure and waiver
 * files likewise: the file, then each entry.
 */
import { Type, type TSchema } from '@sinclair/typebox';
import { AssertionRule, ClaimRule, ConfigFile, FigureFile, FigureSpec, RuleFile, WaiverFile, WaiverSpec } from './schema.js';

/** The rule file's top level with each rule accepted as anything (rules are checked one by one). */
const RelaxedRuleFile: TSchema = Type.Object(
  { ...RuleFile.properties, rules: Type.Array(Type.Unknown()) },
  { additionalProperties: false },
);

/** The figure file's top level with each figure accepted as anything (figures are checked one by one). */
const RelaxedFigureFile: TSchema = Type.Object(
  { ...FigureFile.properties, figures: Type.Record(Type.String(), Type.Unknown()) },
  { additionalProperties: false },
);

/** The waiver file's top level with each waiver accepted as anything (waivers are checked one by one). */
const RelaxedWaiverFile = { ...WaiverFile, properties: { ...WaiverFile.properties, waivers: { type: 'array' } } };

export const VALIDATED_SCHEMAS: Record<string, object> = {
  ruleTop: RelaxedRuleFile,
  claim: ClaimRule,
  assertion: AssertionRule,
  figureTop: RelaxedFigureFile,
  figureSpec: FigureSpec,
  config: ConfigFile,
  waiverTop: RelaxedWaiverFile,
  waiverSpec: WaiverSpec,
};
