/**
 * What the shared flags mean to the library, apart from their declarations (input-options.ts,
 * filter-options.ts): the commands' implementations use these, and so do without commander.
 */
import type { AuditOptions } from '../audit.js';
import type { RuleFilter } from '../judge/select.js';

/** `--allow-outside`, `--max-document-size`, `--max-yaml-size`. */
export interface InputFlags {
  allowOutside?: string[];
  maxDocumentSize?: number;
  maxYamlSize?: number;
}

/** The library options the input flags set. */
export function inputOptions(flags: InputFlags): Pick<AuditOptions, 'allowOutside' | 'maxDocumentSize' | 'maxYamlSize'> {
  return {
    ...(flags.allowOutside ? { allowOutside: flags.allowOutside } : {}),
    ...(flags.maxDocumentSize !== undefined ? { maxDocumentSize: flags.maxDocumentSize } : {}),
    ...(flags.maxYamlSize !== undefined ? { maxYamlSize: flags.maxYamlSize } : {}),
  };
}

/** `--rule`, `--tag`. */
export interface FilterFlags {
  rule?: string[];
  tag?: string[];
}

/** The rules the filter flags select (src/judge/select.ts). */
export function filterOf(flags: FilterFlags): RuleFilter {
  return { ...(flags.rule ? { rules: flags.rule } : {}), ...(flags.tag ? { tags: flags.tag } : {}) };
}
