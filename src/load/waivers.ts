/**
 * Waiver files: `waivers.yaml` next to the rule files, listing reviewed, accepted findings by
 * rule id, with a reason, a reviewer and an expiry date. Validated against `WaiverFile` (the
 * published waivers.schema.json), every problem at file:line:col with a code frame, like the rule
 * and figure files. Loading never throws on bad input.
 */
import { inputFiles } from './files.js';
import { dirname, join } from 'node:path';
import type { ErrorObject } from 'ajv';
import type { Diagnostic, Position, Waiver } from '../model.js';
import { didYouMean } from '../suggest.js';
import { makeDiagnostic, sortDiagnostics } from './diagnostics.js';
import type { WaiverSpec } from './schema.js';
import { waiverSpec, waiverTop } from './validators.generated.js';
import { pointerToPath, readYamlFile, type ParsedYaml, type YamlLimits } from './yaml.js';
import { isObject } from './plain.js';

/** Names a waiver file may have, first found wins. */
export const WAIVER_FILE_NAMES = ['waivers.yaml', 'waivers.yml'] as const;

export interface LoadedWaiver {
  rule: string;
  waiver: Waiver;
  /** Where the entry's `rule` and `expires` values are written, for diagnostics about it. */
  rulePosition: Position;
  expiresPosition: Position;
}

export interface WaiverFileResult {
  path: string;
  /** The folder whose rule files the waivers apply to. */
  folder: string;
  sha256: string;
  /** The file's text, for code frames of later diagnostics (expired, stale). */
  source: string;
  waivers: LoadedWaiver[];
  /** YAML and schema problems (errors), duplicate entries (warnings). */
  diagnostics: Diagnostic[];
}

/** The waiver file of a folder, if it has one. */
export function findWaiverFile(folder: string): string | undefined {
  for (const name of WAIVER_FILE_NAMES) {
    const p = join(folder, name);
    if (inputFiles().kindOf(p) !== undefined) return p;
  }
  return undefined;
}

function show(v: unknown): string {
  if (v === null || v === undefined) return 'nothing';
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return 'a list';
  if (isObject(v)) return 'a mapping';
  return String(v);
}

/** One ajv error as a Diagnostic at the offending key or value. */
function translate(e: ErrorObject, prefix: string, yaml: ParsedYaml): Diagnostic {
  const pointer = prefix + e.instancePath;
  const path = pointerToPath(pointer);
  const where = path[0] === 'waivers' && path.length >= 2 ? `waiver #${Number(path[1]) + 1}` : 'waiver file';
  const name = path[path.length - 1] ?? 'the file';
  const params = e.params as Record<string, unknown>;
  const diag = (code: string, message: string, p: string, at: 'key' | 'value' = 'value', suggestions?: string[]) =>
    makeDiagnostic({ code, message, position: yaml.positionOf(p, at), source: yaml.source, suggestions });
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const allowed = Object.keys((isObject(e.parentSchema) && isObject(e.parentSchema.properties) ? e.parentSchema.properties : {}) as object);
      const suggestions = didYouMean(key, allowed);
      const message = `unknown key "${key}" in ${where}${suggestions.length ? '' : `; allowed keys: ${allowed.join(', ')}`}`;
      return diag('unknown-key', message, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, 'key', suggestions);
    }
    case 'required':
      return diag('missing-key', `missing key "${String(params.missingProperty)}" in ${where} (a waiver needs rule, reason, reviewer and expires)`, pointer);
    case 'type':
      return diag('invalid-value', `"${name}" must be ${params.type === 'object' ? 'a mapping (key: value)' : params.type === 'array' ? 'a list' : `a ${String(params.type)}`}, got ${show(e.data)}`, pointer);
    case 'pattern':
      return diag(
        'invalid-value',
        name === 'expires'
          ? `invalid date ${show(e.data)} for "expires": write it as YYYY-MM-DD (e.g. 2025-12-31)`
          : `invalid value ${show(e.data)} for "${name}": must match ${String(params.pattern)}`,
        pointer,
      );
    case 'minLength':
      return diag('invalid-value', `"${name}" must not be empty`, pointer);
    default:
      return diag('invalid-value', `invalid value ${show(e.data)} for "${name}": ${e.message ?? e.keyword}`, pointer);
  }
}

/** Is "YYYY-MM-DD" a day of the calendar (not 2025-02-30)? */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export function loadWaiverFile(path: string, limits: YamlLimits = {}): WaiverFileResult {
  const y = readYamlFile(path, limits);
  const result: WaiverFileResult = {
    path,
    folder: dirname(path),
    sha256: y.sha256,
    source: y.source,
    waivers: [],
    diagnostics: [...y.diagnostics],
  };
  // An empty file (every waiver removed) is no waivers, not an error.
  if (y.fatal || y.value === null || y.value === undefined) return result;
  const value = y.value;
  if (!waiverTop(value)) {
    for (const e of waiverTop.errors ?? []) result.diagnostics.push(translate(e, '', y));
  }
  if (!isObject(value) || !Array.isArray(value.waivers)) {
    result.diagnostics = sortDiagnostics(result.diagnostics);
    return result;
  }
  const seen = new Map<string, Position>();
  value.waivers.forEach((entry, i) => {
    const prefix = `/waivers/${i}`;
    if (!waiverSpec(entry)) {
      for (const e of waiverSpec.errors ?? []) result.diagnostics.push(translate(e, prefix, y));
      return;
    }
    const spec = entry as WaiverSpec;
    const rulePosition = y.positionOf(['waivers', i, 'rule']);
    const expiresPosition = y.positionOf(['waivers', i, 'expires']);
    if (!isCalendarDate(spec.expires)) {
      result.diagnostics.push(
        makeDiagnostic({
          code: 'invalid-value',
          message: `"expires" is not a date of the calendar: ${JSON.stringify(spec.expires)}`,
          position: expiresPosition,
          source: y.source,
        }),
      );
      return;
    }
    const first = seen.get(spec.rule);
    if (first) {
      result.diagnostics.push(
        makeDiagnostic({
          code: 'waiver-duplicate',
          severity: 'warning',
          message: `second waiver for rule "${spec.rule}" is ignored (the one at line ${first.line} applies)`,
          position: rulePosition,
          source: y.source,
        }),
      );
      return;
    }
    seen.set(spec.rule, rulePosition);
    result.waivers.push({
      rule: spec.rule,
      waiver: { reason: spec.reason, reviewer: spec.reviewer, expires: spec.expires, declared: y.positionOf(['waivers', i]) },
      rulePosition,
      expiresPosition,
    });
  });
  result.diagnostics = sortDiagnostics(result.diagnostics);
  return result;
}

/** The waiver files of the rule files' folders (`waivers.yaml`), one per folder, in the order the folders are met. */
export function loadWaiverFilesFor(ruleFiles: readonly string[], limits: YamlLimits = {}): WaiverFileResult[] {
  const folders = [...new Set(ruleFiles.map((f) => dirname(f)))];
  return folders.flatMap((folder) => {
    const file = findWaiverFile(folder);
    return file ? [loadWaiverFile(file, limits)] : [];
  });
}
