/**
 * What a load may read (DESIGN §8): files inside the project root or a folder the user allowed,
 * each within a size limit, YAML nested at most so deep. Plain data, so a parallel audit hands
 * the same policy to its worker threads.
 */

const MiB = 1024 * 1024;

export interface LoadPolicy {
  /**
   * The project root every input named by a rule or figure file must resolve inside. Default:
   * for each rule file, the nearest folder above it holding `tally.config.*` or `package.json`,
   * else the working directory.
   */
  root?: string;
  /** Folders outside the root that inputs may still be read from (`--allow-outside`). */
  allowOutside: string[];
  /** Where relative `root` and `allowOutside` are resolved, and the root when no marker is found. */
  cwd: string;
  /** Largest document read, in bytes (`--max-document-size`). */
  maxDocumentBytes: number;
  /** Largest rule, figure, waiver or CSV file read, in bytes (`--max-yaml-size`). */
  maxYamlBytes: number;
  /** Deepest nesting of lists and mappings a YAML file may have, checked before it is parsed. */
  maxYamlDepth: number;
  /** The locale of a rule set whose files state none (the config's `locale`); else the text decides. */
  locale?: 'vi-VN' | 'en';
  /** Materiality thresholds of rule files that set none (the config's `materiality`), as written. */
  materiality?: { relative?: string; points?: number };
  /** Files and folders the search for rule files skips (the config's `ignore`). */
  ignore?: string[];
}

export const DEFAULT_MAX_DOCUMENT_BYTES = 10 * MiB;
export const DEFAULT_MAX_YAML_BYTES = 2 * MiB;
export const DEFAULT_MAX_YAML_DEPTH = 64;
/** A rule's `expr` or `assert` longer than this is refused where it is written. */
export const MAX_EXPRESSION_LENGTH = 1000;
/** Brackets nested deeper than this in an expression are refused before mathjs parses it. */
export const MAX_EXPRESSION_DEPTH = 32;
/** An ignore entry's `pattern` longer than this is refused. */
export const MAX_PATTERN_LENGTH = 200;

/** The policy with every field given, from the options a caller set. */
export function loadPolicy(options: Partial<LoadPolicy> = {}): LoadPolicy {
  return {
    ...(options.root !== undefined ? { root: options.root } : {}),
    allowOutside: options.allowOutside ?? [],
    cwd: options.cwd ?? process.cwd(),
    maxDocumentBytes: options.maxDocumentBytes ?? DEFAULT_MAX_DOCUMENT_BYTES,
    maxYamlBytes: options.maxYamlBytes ?? DEFAULT_MAX_YAML_BYTES,
    maxYamlDepth: options.maxYamlDepth ?? DEFAULT_MAX_YAML_DEPTH,
    ...(options.locale !== undefined ? { locale: options.locale } : {}),
    ...(options.materiality !== undefined ? { materiality: options.materiality } : {}),
    ...(options.ignore !== undefined ? { ignore: options.ignore } : {}),
  };
}

/** "10 MiB", "2.02 MiB", "900 KiB", "12 bytes": a size as the limit messages say it. */
export function formatBytes(bytes: number): string {
  const units: [number, string][] = [
    [MiB * 1024, 'GiB'],
    [MiB, 'MiB'],
    [1024, 'KiB'],
  ];
  for (const [size, unit] of units) {
    if (bytes >= size) return `${Number((bytes / size).toFixed(bytes < 10 * size ? 2 : 1))} ${unit}`;
  }
  return `${bytes} byte${bytes === 1 ? '' : 's'}`;
}

/**
 * "10MiB", "10 MB", "512k", "2048": a size as a flag gives it, in bytes (k/M/G are powers of
 * 1024, with or without "i" and "B"). Undefined when the text is not a size.
 */
export function parseBytes(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(?:([kmg])i?b?|b|bytes?)?\s*$/i.exec(text);
  if (!m) return undefined;
  const scale = { k: 1024, m: MiB, g: MiB * 1024 }[(m[2] ?? '').toLowerCase()] ?? 1;
  const bytes = Math.floor(Number(m[1]) * scale);
  return Number.isSafeInteger(bytes) && bytes > 0 ? bytes : undefined;
}
