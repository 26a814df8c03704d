/**
 * The files the loaders read, through one port: the disk, or — for the in-memory API
 * (`auditSources` in src/audit.ts: a service holding its rules in a database) — a map of texts
 * under a virtual root. Every read of the load stage goes through `inputFiles()`, so both paths
 * share one loader, and the same files give the same verdicts, positions and messages.
 *
 * The port is swapped only around a synchronous load (`withInputFiles`): nothing else can run
 * while it is in place.
 */
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, realpathSync, lstatSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';

export type EntryKind = 'file' | 'folder' | 'other';

export interface FolderEntry {
  name: string;
  kind: EntryKind;
  /** The entry is a symbolic link (its kind is then what it points to, when known). */
  link: boolean;
}

/** An open input: its size as the file system says it, and reads until the end. */
export interface OpenInput {
  /** 'other' for a FIFO, a device …: refused by readInput. */
  kind: EntryKind;
  size: number;
  /** Fills `into` from the current position; 0 at the end. */
  read(into: Buffer): number;
  close(): void;
}

export interface InputFiles {
  /** What is at `p` (links followed), undefined when nothing is. */
  kindOf(p: string): EntryKind | undefined;
  /** The entries of a folder; throws when it cannot be listed. */
  entries(folder: string): FolderEntry[];
  /** Is `p` itself a symbolic link? */
  isLink(p: string): boolean;
  /** The real path of an existing `p` (links resolved); throws when it does not exist. */
  realpath(p: string): string;
  /** Opens `p` for reading; throws an errno-like error ({ code: 'ENOENT' } …). */
  open(p: string): OpenInput;
  /** A cheap signature that changes when the file does ('missing' when it is not there). */
  signature(p: string): string;
}

const kindOfStat = (s: { isFile(): boolean; isDirectory(): boolean }): EntryKind => (s.isFile() ? 'file' : s.isDirectory() ? 'folder' : 'other');

export const diskFiles: InputFiles = {
  kindOf(p) {
    try {
      return kindOfStat(statSync(p));
    } catch {
      return undefined;
    }
  },
  entries(folder) {
    return readdirSync(folder, { withFileTypes: true }).map((e) => {
      const link = e.isSymbolicLink();
      const kind = link ? (diskFiles.kindOf(path.join(folder, e.name)) ?? 'other') : kindOfStat(e);
      return { name: e.name, kind, link };
    });
  },
  isLink(p) {
    try {
      return lstatSync(p).isSymbolicLink();
    } catch {
      return false;
    }
  },
  realpath: (p) => realpathSync(p),
  open(p) {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; readInput refuses it.
    const fd = openSync(p, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    try {
      const st = fstatSync(fd);
      return { kind: kindOfStat(st), size: st.size, read: (into) => readSync(fd, into, 0, into.length, null), close: () => closeSync(fd) };
    } catch (e) {
      closeSync(fd);
      throw e;
    }
  },
  signature(p) {
    try {
      const s = statSync(p, { bigint: true });
      return `${s.mtimeNs}:${s.ctimeNs}:${s.size}:${s.ino}`;
    } catch {
      return 'missing';
    }
  },
};

const errno = (code: string, p: string) => Object.assign(new Error(`${code}: ${p}`), { code });

/**
 * Files held in memory under `root` (an absolute path that names no real folder is best:
 * nothing is ever read from the disk). Keys are paths relative to the root, with `/`.
 */
export function memoryFiles(root: string, texts: ReadonlyMap<string, string>): InputFiles {
  const files = new Map<string, Buffer>();
  const folders = new Map<string, Set<string>>([[root, new Set()]]);
  for (const [name, text] of texts) {
    const abs = path.resolve(root, name);
    files.set(abs, Buffer.from(text, 'utf8'));
    // Every folder above the file lists what is below it.
    for (let child = abs, dir = path.dirname(abs); child !== root && dir.startsWith(root); child = dir, dir = path.dirname(dir)) {
      if (!folders.has(dir)) folders.set(dir, new Set());
      folders.get(dir)!.add(path.basename(child));
      if (dir === root) break;
    }
  }
  const kindOf = (p: string): EntryKind | undefined => {
    const abs = path.resolve(root, p);
    return files.has(abs) ? 'file' : folders.has(abs) ? 'folder' : undefined;
  };
  return {
    kindOf,
    entries(folder) {
      const names = folders.get(path.resolve(root, folder));
      if (!names) throw errno('ENOENT', folder);
      return [...names].map((name) => ({ name, kind: kindOf(path.join(path.resolve(root, folder), name))!, link: false }));
    },
    isLink: () => false,
    realpath(p) {
      const abs = path.resolve(root, p);
      if (!kindOf(abs)) throw errno('ENOENT', p);
      return abs;
    },
    open(p) {
      const abs = path.resolve(root, p);
      const bytes = files.get(abs);
      if (!bytes) throw errno(folders.has(abs) ? 'EISDIR' : 'ENOENT', p);
      let at = 0;
      return {
        kind: 'file',
        size: bytes.length,
        read(into) {
          const n = bytes.copy(into, 0, at);
          at += n;
          return n;
        },
        close() {},
      };
    },
    // By content: the load cache outlives one call, and the next may hold other texts.
    signature(p) {
      const bytes = files.get(path.resolve(root, p));
      return bytes ? `memory:${createHash('sha256').update(bytes).digest('hex')}` : 'missing';
    },
  };
}

let active: InputFiles = diskFiles;

/** The file system the load stage reads now. */
export function inputFiles(): InputFiles {
  return active;
}

/** Runs a synchronous load with `files` as the file system, then puts the disk back. */
export function withInputFiles<T>(files: InputFiles, load: () => T): T {
  const before = active;
  active = files;
  try {
    return load();
  } finally {
    active = before;
  }
}
