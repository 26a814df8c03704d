/**
 * `tally.config.yaml`: the project's defaults for every command (rule paths, formats, output
 * folder, fail-on level, locale, materiality, folders allowed outside the root, paths to skip).
 * It lives at the project root — the nearest folder at or above the working directory that holds
 * `tally.config.*` or `package.json` (as confine.ts finds the root) — and is checked against its
 * schema like every other input: a bad key is an error at file:line:col. Paths in it are relative
 * to the file. A command-line flag overrides its key (src/cli/config.ts).
 */
import { inputFiles } from './files.js';
import path from 'node:path';
import type { Diagnostic, Locale } from '../model.js';
import type { FailOn } from '../judge/outcome.js';
import { makeDiagnostic } from './diagnostics.js';
import { isObject } from './plain.js';
import { validateConfigFile } from './validate.js';
import { readYamlFile } from './yaml.js';

export const CONFIG_FILE_NAMES = ['tally.config.yaml', 'tally.config.yml'] as const;

/** A config as the commands use it: paths resolved against the config file's folder. */
export interface TallyConfig {
  /** Where it was read from (undefined: no config file). */
  file?: string;
  rules?: string[];
  ignore?: string[];
  locale?: Locale;
  failOn?: FailOn;
  formats?: string[];
  out?: string;
  allowOutside?: string[];
  materiality?: { relative?: string; points?: number };
}

const MARKER = /^(?:package\.json|tally\.config\.[^/\\]+)$/;

/** The config file of the project `cwd` is in, if the project root has one. */
export function findConfigFile(cwd: string): string | undefined {
  for (let d = path.resolve(cwd); ; ) {
    let names: string[] = [];
    try {
      names = inputFiles().entries(d).map((e) => e.name);
    } catch {
      // An unreadable folder shows no marker; keep climbing, as confine.ts does.
    }
    if (names.some((n) => MARKER.test(n))) {
      const name = CONFIG_FILE_NAMES.find((n) => names.includes(n));
      return name ? path.join(d, name) : undefined;
    }
    const up = path.dirname(d);
    if (up === d) return undefined;
    d = up;
  }
}

/**
 * A path of the config, as the commands take it: relative to the working directory when it lies
 * below it (so reports name files as a user would type them), else absolute.
 */
function fromConfig(configDir: string, cwd: string, p: string): string {
  const abs = path.resolve(configDir, p);
  const rel = path.relative(cwd, abs);
  return rel === '' ? '.' : rel.startsWith('..') || path.isAbsolute(rel) ? abs : rel;
}

/** Read and check a config file: the config, or the problems that make it unusable (exit 2). */
export function loadConfigFile(file: string, cwd = process.cwd()): { config: TallyConfig; diagnostics: Diagnostic[] } {
  const y = readYamlFile(file);
  if (y.fatal) return { config: {}, diagnostics: y.diagnostics };
  // An empty file is an empty config.
  const value = y.value === null || y.value === undefined ? {} : y.value;
  const diagnostics = [...y.diagnostics, ...validateConfigFile(value, y)];
  if (diagnostics.some((d) => d.severity === 'error') || !isObject(value)) {
    if (!isObject(value) && diagnostics.length === 0) {
      diagnostics.push(makeDiagnostic({ code: 'invalid-value', message: 'the config file must be a mapping (key: value)', position: y.positionOf([]), source: y.source }));
    }
    return { config: {}, diagnostics };
  }
  const dir = path.dirname(file);
  const paths = (key: string) => (Array.isArray(value[key]) ? (value[key] as string[]).map((p) => fromConfig(dir, cwd, p)) : undefined);
  const config: TallyConfig = { file };
  const set = <K extends keyof TallyConfig>(key: K, v: TallyConfig[K] | undefined) => {
    if (v !== undefined) config[key] = v;
  };
  set('rules', paths('rules'));
  set('ignore', paths('ignore'));
  set('allowOutside', paths('allowOutside'));
  set('locale', value.locale as Locale | undefined);
  set('failOn', value.failOn as FailOn | undefined);
  set('formats', value.formats as string[] | undefined);
  set('out', typeof value.out === 'string' ? fromConfig(dir, cwd, value.out) : undefined);
  set('materiality', value.materiality as TallyConfig['materiality']);
  return { config, diagnostics };
}

/** The project's config (empty when there is none). */
export function projectConfig(cwd = process.cwd()): { config: TallyConfig; diagnostics: Diagnostic[] } {
  const file = findConfigFile(cwd);
  if (!file || inputFiles().kindOf(file) === undefined) return { config: {}, diagnostics: [] };
  return loadConfigFile(file, cwd);
}
