/**
 * Rule files grouped by the document they audit: a group is the unit of work of a parallel
 * audit. All rule files of one document are in one group, so its coverage is united over them
 * exactly as in a single-threaded audit; a rule file whose document cannot be told is a group of
 * its own (loading it reports why).
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { ruleFileDocument } from '../load/index.js';

export interface RuleFileGroup {
  /** The rule files, in the audit's order. */
  files: string[];
  /** Where each file stands in the audit's list of rule files. */
  indices: number[];
  /** Bytes of the rule files: bigger groups are started first. */
  weight: number;
}

/** A rule file's bytes, 0 when it cannot be read (loading it reports why, in whichever thread). */
export function size(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** Group the audit's rule files by document; groups in the order their first file is found. */
export function groupRuleFiles(files: readonly string[], documentOf: (file: string) => string | undefined = ruleFileDocument): RuleFileGroup[] {
  const groups: RuleFileGroup[] = [];
  const byDocument = new Map<string, RuleFileGroup>();
  files.forEach((file, index) => {
    const document = documentOf(file);
    const key = document === undefined ? undefined : path.resolve(document);
    let group = key === undefined ? undefined : byDocument.get(key);
    if (!group) {
      group = { files: [], indices: [], weight: 0 };
      groups.push(group);
      if (key !== undefined) byDocument.set(key, group);
    }
    group.files.push(file);
    group.indices.push(index);
    group.weight += size(file);
  });
  return groups;
}
