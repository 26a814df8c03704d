/**
 * Schema validation of rule and figure files with ajv, reported the way a reviewer needs it:
 * every problem of the file at once, each at the line:col of the offending key or value, with
 * "did you mean" for misspelt keys and enum values.
 *
 * The validators are compiled at build time (validated-schemas.ts says which, and why a rule file
 * is validated in two steps).
 */
import type { ErrorObject } from 'ajv';
import type { Diagnostic } from '../model.js';
import * as validators from './validators.generated.js';
import { didYouMean } from '../suggest.js';
import { makeDiagnostic, sortDiagnostics } from './diagnostics.js';
import { pointerToPath, type ParsedYaml } from './yaml.js';
import { isObject } from './plain.js';

type FileKind = 'rule' | 'figure' | 'config';

/** Schema problems of a rule file: of the file as a whole, and of each rule by its index. */
export interface RuleFileValidation {
  /** Problems outside any single rule: the file then yields no rules. */
  file: Diagnostic[];
  /** Problems of one rule (`rules[i]`): that rule is broken, the others load. */
  rules: Map<number, Diagnostic[]>;
}

/**
 * Validate the plain value of a rule file, the file's top level apart from each rule: a misspelt
 * key in one rule must not cost the file's other rules their results.
 */
export function validateRuleFileDetailed(value: unknown, yaml: ParsedYaml): RuleFileValidation {
  const file = validators.ruleTop(value) ? [] : translate(validators.ruleTop.errors ?? [], '', yaml, 'rule', value);
  const rules = new Map<number, Diagnostic[]>();
  if (isObject(value) && Array.isArray(value.rules)) {
    value.rules.forEach((rule, i) => {
      const v = isObject(rule) && 'assert' in rule ? validators.assertion : validators.claim;
      if (!v(rule)) rules.set(i, sortDiagnostics(dedupe(translate(v.errors ?? [], `/rules/${i}`, yaml, 'rule', value))));
    });
  }
  return { file: sortDiagnostics(dedupe(file)), rules };
}

/** Validate the plain value of a rule file. Returns every schema problem, in reading order. */
export function validateRuleFile(value: unknown, yaml: ParsedYaml): Diagnostic[] {
  const v = validateRuleFileDetailed(value, yaml);
  return sortDiagnostics(dedupe([...v.file, ...[...v.rules.values()].flat()]));
}

/** Validate the plain value of a config file (`tally.config.yaml`). Every schema problem, in reading order. */
export function validateConfigFile(value: unknown, yaml: ParsedYaml): Diagnostic[] {
  return validators.config(value) ? [] : sortDiagnostics(dedupe(translate(validators.config.errors ?? [], '', yaml, 'config', value)));
}

/** Schema problems of a figure file: of the file as a whole, and of each figure by id. */
export interface FigureFileValidation {
  /** Problems outside any single figure: the file then yields no figures. */
  file: Diagnostic[];
  /** Problems of one figure: that figure is left out, the others load. */
  figures: Map<string, Diagnostic[]>;
}

/** Validate the plain value of a figure file (against `FigureFile`, one figure at a time). */
export function validateFigureFileDetailed(value: unknown, yaml: ParsedYaml): FigureFileValidation {
  const file = validators.figureTop(value) ? [] : translate(validators.figureTop.errors ?? [], '', yaml, 'figure', value);
  const figures = new Map<string, Diagnostic[]>();
  if (isObject(value) && isObject(value.figures)) {
    for (const [id, spec] of Object.entries(value.figures)) {
      if (validators.figureSpec(spec)) continue;
      const pointer = `/figures/${id.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      figures.set(id, sortDiagnostics(dedupe(translate(validators.figureSpec.errors ?? [], pointer, yaml, 'figure', value))));
    }
  }
  return { file: sortDiagnostics(dedupe(file)), figures };
}

/** Validate the plain value of a figure file. Returns every schema problem, in reading order. */
export function validateFigureFile(value: unknown, yaml: ParsedYaml): Diagnostic[] {
  const v = validateFigureFileDetailed(value, yaml);
  return sortDiagnostics([...v.file, ...[...v.figures.values()].flat()]);
}

function dedupe(ds: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return ds.filter((d) => {
    const k = `${d.position.line}:${d.position.col}:${d.code}:${d.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

// ── wording ─────────────────────────────────────────────────────────────────────────────────

/** What the object at `path` is, for "… in rule "x"". */
function describeObject(path: string[], kind: FileKind, root: unknown): string {
  if (path.length === 0) return `${kind} file`;
  if (path[0] === 'rules' && path.length >= 2) {
    const rules = isObject(root) && Array.isArray(root.rules) ? root.rules : [];
    const rule = rules[Number(path[1])];
    const id = isObject(rule) && typeof rule.id === 'string' ? ` "${rule.id}"` : ` #${Number(path[1]) + 1}`;
    return path.length === 2 ? `rule${id}` : `"${path.slice(2).join('.')}" of rule${id}`;
  }
  if (path[0] === 'figures' && path.length >= 2) return `figure "${path[1]}"`;
  if (path[0] === 'ignore' && path.length >= 2) return `ignore entry #${Number(path[1]) + 1}`;
  return `"${path.join('.')}"`;
}

/** The name of the value at `path`: its key, or "tags[2]" for an array item. */
function label(path: string[]): string {
  const last = path[path.length - 1];
  if (last === undefined) return 'the file';
  if (/^\d+$/.test(last) && path.length >= 2) return `${path[path.length - 2]}[${last}]`;
  return last;
}

function show(v: unknown): string {
  if (v === null || v === undefined) return 'nothing';
  let s = typeof v === 'string' ? JSON.stringify(v) : Array.isArray(v) ? 'a list' : isObject(v) ? 'a mapping' : String(v);
  if (s.length > 60) s = `${s.slice(0, 57)}…`;
  return s;
}

function typeName(v: unknown): string {
  if (v === null || v === undefined) return 'empty';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'number') return Number.isInteger(v) ? 'an integer' : 'a number';
  if (typeof v === 'string') return 'a string';
  if (typeof v === 'boolean') return 'a boolean';
  return typeof v;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'true or false',
  object: 'a mapping (key: value)',
  array: 'a list',
  null: 'empty',
};

function typeWords(t: unknown): string {
  const ts = Array.isArray(t) ? t : [t];
  return ts.map((x) => TYPE_WORDS[String(x)] ?? String(x)).join(' or ');
}

/** The allowed keys of an object schema. */
function allowedKeys(schema: unknown): string[] {
  const props = isObject(schema) && isObject(schema.properties) ? schema.properties : {};
  return Object.keys(props);
}

const { claim: CLAIM_KEYS, assertion: ASSERTION_KEYS } = validators.keys;
const CLAIM_ONLY = new Set(CLAIM_KEYS.filter((k) => !ASSERTION_KEYS.includes(k)));
const ASSERT_ONLY = new Set(ASSERTION_KEYS.filter((k) => !CLAIM_KEYS.includes(k)));

// ── translation ─────────────────────────────────────────────────────────────────────────────

function translate(errors: ErrorObject[], prefix: string, yaml: ParsedYaml, kind: FileKind, root: unknown): Diagnostic[] {
  const out: Diagnostic[] = [];
  const consumed = new Set<ErrorObject>();
  const diag = (code: string, message: string, pointer: string, at: 'key' | 'value', suggestions?: string[]) =>
    out.push(
      makeDiagnostic({ code, message, position: yaml.positionOf(pointer, at), source: yaml.source, suggestions }),
    );

  // Unions first: an anyOf collects the failures of every branch; say it once.
  for (const e of errors) {
    if (e.keyword !== 'anyOf' || consumed.has(e)) continue;
    consumed.add(e);
    const branches = errors.filter(
      (b) => b !== e && b.instancePath.startsWith(e.instancePath) && b.schemaPath.startsWith(`${e.schemaPath}/`),
    );
    branches.forEach((b) => consumed.add(b));
    const pointer = prefix + e.instancePath;
    const path = pointerToPath(pointer);
    const alts = Array.isArray(e.schema) ? (e.schema as unknown[]) : [];
    if (alts.length > 0 && alts.every((a) => isObject(a) && 'const' in a)) {
      const allowed = alts.map((a) => String((a as { const: unknown }).const));
      const suggestions = typeof e.data === 'string' ? didYouMean(e.data, allowed) : [];
      diag(
        'invalid-value',
        `invalid value ${show(e.data)} for "${label(path)}": expected one of ${allowed.map((a) => `"${a}"`).join(', ')}`,
        pointer,
        'value',
        suggestions,
      );
      continue;
    }
    const specific = branches.filter((b) => b.keyword !== 'type' && b.keyword !== 'anyOf');
    if (specific.length > 0) {
      for (const b of specific) out.push(...translateOne(b, prefix, yaml, kind, root));
      continue;
    }
    const types = alts.map((a) => (isObject(a) ? a.type : undefined)).filter((t) => t !== undefined);
    diag(
      'invalid-value',
      `"${label(path)}" must be ${types.length ? typeWords(types.flat()) : 'one of the allowed forms'}, got ${typeName(e.data)}${
        e.data !== null && e.data !== undefined && !isObject(e.data) && !Array.isArray(e.data) ? ` (${show(e.data)})` : ''
      }`,
      pointer,
      'value',
    );
  }
  // A value out of an enum of strings fails its `type` too: the enum's message, listing the
  // allowed values, says all there is to say.
  const enumAt = new Set(errors.filter((e) => e.keyword === 'enum').map((e) => e.instancePath));
  for (const e of errors) if (e.keyword === 'type' && enumAt.has(e.instancePath)) consumed.add(e);
  for (const e of errors) if (!consumed.has(e)) out.push(...translateOne(e, prefix, yaml, kind, root));
  return out;
}

function translateOne(e: ErrorObject, prefix: string, yaml: ParsedYaml, kind: FileKind, root: unknown): Diagnostic[] {
  const pointer = prefix + e.instancePath;
  const path = pointerToPath(pointer);
  const params = e.params as Record<string, unknown>;
  const mk = (code: string, message: string, p: string, at: 'key' | 'value', suggestions?: string[]): Diagnostic[] => [
    makeDiagnostic({ code, message, position: yaml.positionOf(p, at), source: yaml.source, suggestions }),
  ];
  const where = describeObject(path, kind, root);

  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const allowed = allowedKeys(e.parentSchema);
      const suggestions = didYouMean(key, allowed);
      const keyPointer = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      let message = `unknown key "${key}" in ${where}`;
      const isRule = path[0] === 'rules' && path.length === 2;
      if (isRule && CLAIM_ONLY.has(key) && allowed.includes('assert')) {
        message += ` ("${key}" belongs to claim rules; this rule has "assert", so it is an assertion)`;
      } else if (isRule && ASSERT_ONLY.has(key)) {
        message += ' (a rule is either a claim with "expr" or an assertion with "assert")';
      } else if (suggestions.length === 0) {
        message += `; allowed keys: ${allowed.join(', ')}`;
      }
      return mk('unknown-key', message, keyPointer, 'key', suggestions);
    }
    case 'required': {
      const key = String(params.missingProperty);
      let message = `missing key "${key}" in ${where}`;
      if (path[0] === 'rules' && path.length === 2 && (key === 'expr' || key === 'quote')) {
        message += ' (a claim rule needs "quote" and "expr"; an assertion rule needs "assert")';
      }
      return mk('missing-key', message, pointer, 'value');
    }
    case 'type': {
      const got = typeName(e.data);
      const shown = e.data !== null && e.data !== undefined && !isObject(e.data) && !Array.isArray(e.data) ? ` (${show(e.data)})` : '';
      const name = path.length === 0 ? `the ${kind} file` : `"${label(path)}"`;
      return mk('invalid-value', `${name} must be ${typeWords(params.type)}, got ${got}${shown}`, pointer, 'value');
    }
    case 'enum': {
      const allowed = (Array.isArray(params.allowedValues) ? params.allowedValues : []).map(String);
      const suggestions = typeof e.data === 'string' ? didYouMean(e.data, allowed) : [];
      return mk(
        'invalid-value',
        `invalid value ${show(e.data)} for "${label(path)}": expected one of ${allowed.map((a) => `"${a}"`).join(', ')}`,
        pointer,
        'value',
        suggestions,
      );
    }
    case 'const': {
      return mk('invalid-value', `invalid value ${show(e.data)} for "${label(path)}": expected "${String(params.allowedValue)}"`, pointer, 'value');
    }
    case 'pattern': {
      const description = isObject(e.parentSchema) && typeof e.parentSchema.description === 'string' ? e.parentSchema.description : '';
      return mk(
        'invalid-value',
        `invalid value ${show(e.data)} for "${label(path)}": must match ${String(params.pattern)}${description ? ` (${description})` : ''}`,
        pointer,
        'value',
      );
    }
    case 'minLength':
      if (params.limit === 1) return mk('invalid-value', `"${label(path)}" must not be empty`, pointer, 'value');
      break;
    case 'minItems':
      return mk('invalid-value', `"${label(path)}" needs at least ${String(params.limit)} item(s)`, pointer, 'value');
    default:
      break;
  }
  return mk('invalid-value', `invalid value ${show(e.data)} for "${label(path)}": ${e.message ?? e.keyword}`, pointer, 'value');
}
