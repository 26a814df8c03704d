/**
 * Confinement (DESIGN §8): a rule file comes from a contributor, so every file it names — its
 * figure files and document, a figure file's document and CSV tables — must resolve, symbolic
 * links followed, inside the project root, or inside a folder the user allowed. Otherwise
 * `document: ../../../etc/hostname` would copy any readable file into the reports.
 *
 * The root of a rule file is the nearest folder above it holding `tally.config.*` or
 * `package.json`, else the working directory (or the root the caller gives).
 */
import { inputFiles } from './files.js';
import path from 'node:path';
import type { LoadPolicy } from './policy.js';

/** Where a load may read from: real paths, symbolic links resolved. */
export interface Confinement {
  root: string;
  allowed: string[];
}

const MARKER = /^(?:package\.json|tally\.config\.[^/\\]+)$/;

/** The nearest folder at or above `dir` that holds a project marker, if any. */
function markedFolderAbove(dir: string): string | undefined {
  for (let d = dir; ; ) {
    let names: string[] = [];
    try {
      names = inputFiles().entries(d).map((e) => e.name);
    } catch {
      // An unreadable folder has no marker we can see; keep climbing.
    }
    if (names.some((n) => MARKER.test(n))) return d;
    const up = path.dirname(d);
    if (up === d) return undefined;
    d = up;
  }
}

/**
 * The real path of `p`, or, when it does not exist, the real path of its nearest existing
 * ancestor joined with the rest: a missing file is placed where it would be, so a path outside
 * the root is refused whether or not the file exists (nothing about outside files is revealed).
 */
export function realPathOf(p: string): string {
  const abs = path.resolve(p);
  const rest: string[] = [];
  for (let d = abs; ; ) {
    try {
      return path.join(inputFiles().realpath(d), ...rest.reverse());
    } catch {
      const up = path.dirname(d);
      if (up === d) return abs;
      rest.push(path.basename(d));
      d = up;
    }
  }
}

/** The confinement of the files a rule (or figure) file names, under the policy. */
export function confinementFor(file: string, policy: Pick<LoadPolicy, 'root' | 'allowOutside' | 'cwd'>): Confinement {
  const cwd = path.resolve(policy.cwd);
  const root = policy.root !== undefined ? path.resolve(cwd, policy.root) : (markedFolderAbove(path.dirname(path.resolve(cwd, file))) ?? cwd);
  return { root: realPathOf(root), allowed: policy.allowOutside.map((a) => realPathOf(path.resolve(cwd, a))) };
}

const within = (p: string, folder: string) => p === folder || p.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep);

/**
 * Why `resolved` may not be read (it lies outside the root and every allowed folder), or
 * undefined when it may. `written` is the path as the rule file writes it; `what` names the role
 * ("figure file", "document", "figure table").
 */
export function refusal(what: string, written: string, resolved: string, c: Confinement): string | undefined {
  const real = realPathOf(resolved);
  if (within(real, c.root) || c.allowed.some((a) => within(real, a))) return undefined;
  const lexical = path.resolve(resolved);
  const via = real !== lexical ? ` (a symbolic link to ${real})` : ` (${real})`;
  return `${what} "${written}"${via} is outside the project root ${c.root}: tally reads only files inside the project; pass --allow-outside with a folder to allow one`;
}
