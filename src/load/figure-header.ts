/**
 * A figure file read and validated as a whole, before any quote is anchored: what it declares
 * (its document, its locale) is needed to choose a rule set's document and locale first.
 */
import { dirname, extname, join, normalize } from 'node:path';
import type { Diagnostic, Locale, Position } from '../model.js';
import { defaultLoadCache, statSignature, type LoadCache } from './load-cache.js';
import { validateFigureFileDetailed } from './validate.js';
import { readYamlFile, type ParsedYaml, type YamlLimits } from './yaml.js';
import { isObject } from './plain.js';

/** What a figure file says before any quote is anchored (for choosing a rule set's document). */
export interface FigureFileHeader {
  path: string;
  documentPath?: string;
  /** `document:` as the file writes it (before it is resolved against the file's folder). */
  documentWritten?: string;
  /** Where `document:` is written, for mismatch messages. */
  documentPosition?: Position;
  declaredLocale?: Locale;
  localePosition?: Position;
  sha256: string;
  /** YAML / schema problems of the file as a whole: it yields no figures. */
  diagnostics: Diagnostic[];
}

/** The header with what loadFigureFile needs next (cached in LoadCache.parsed). */
export interface ParsedFigureFile extends FigureFileHeader {
  sig: string;
  kind: 'yaml' | 'csv';
  yaml?: ParsedYaml;
  value?: Record<string, unknown>;
  figureDiagnostics: Map<string, Diagnostic[]>;
}

/** Parse and validate a figure file without anchoring anything (cached). */
export function readFigureFileHeader(path: string, cache: LoadCache = defaultLoadCache, limits: YamlLimits = {}): FigureFileHeader {
  return parseFigureFile(path, cache, limits);
}

/** The header and the validated file, cached by path (and limits) until the file's stat signature changes. */
export function parseFigureFile(path: string, cache: LoadCache, limits: YamlLimits = {}): ParsedFigureFile {
  const key = `${normalize(path)}\0${limits.maxBytes ?? ''}\0${limits.maxDepth ?? ''}`;
  const sig = statSignature(path);
  const hit = cache.parsed.get(key);
  if (hit && hit.sig === sig) return hit;
  let result: ParsedFigureFile;
  if (extname(path).toLowerCase() === '.csv') {
    result = { sig, kind: 'csv', path, sha256: '', diagnostics: [], figureDiagnostics: new Map() };
  } else {
    const y = readYamlFile(path, limits);
    result = { sig, kind: 'yaml', path, sha256: y.sha256, yaml: y, diagnostics: [...y.diagnostics], figureDiagnostics: new Map() };
    if (!y.fatal) {
      const v = validateFigureFileDetailed(y.value, y);
      result.diagnostics.push(...v.file);
      result.figureDiagnostics = v.figures;
      if (v.file.length === 0 && isObject(y.value)) {
        result.value = y.value;
        if (typeof y.value.document === 'string') {
          result.documentPath = join(dirname(path), y.value.document);
          result.documentWritten = y.value.document;
          result.documentPosition = y.positionOf(['document']);
        }
        if (y.value.locale === 'vi-VN' || y.value.locale === 'en') {
          result.declaredLocale = y.value.locale;
          result.localePosition = y.positionOf(['locale']);
        }
      }
    }
  }
  cache.parsed.set(key, result);
  return result;
}
