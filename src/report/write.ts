/**
 * Reports are written atomically: a reader never sees half a file (temporary file beside it,
 * then rename), and a failed write leaves nothing behind. Every failure is an OutputError: one
 * line naming the path and the reason, which the CLI prints with exit code 2.
 */
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../load/index.js';
import { reasonOf } from '../load/read-input.js';

/** A report could not be written where --out says. */
export class OutputError extends UsageError {
  constructor(message: string) {
    super(message);
    this.name = 'OutputError';
  }
}

function isFolder(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/**
 * `mkdir -p` that always ends. Node's `mkdirSync(dir, { recursive: true })` takes ENOENT to mean
 * "the parent is missing", creates the parent (which exists: EEXIST, fine) and tries again —
 * forever, at 100 % CPU, when the file system answers ENOENT although the parent exists (any
 * folder under /proc, or a dangling symbolic link). Here the missing folders are found first,
 * then each is created once; any refusal is final.
 */
export function makeFolders(dir: string): void {
  const missing: string[] = [];
  for (let d = path.resolve(dir); ; ) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(d);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') {
        throw new OutputError(`cannot write reports into ${dir}: ${d === path.resolve(dir) ? '' : `${d}: `}${reasonOf(e)}`);
      }
      missing.push(d);
      const up = path.dirname(d);
      if (up === d) break;
      d = up;
      continue;
    }
    if (!stat.isDirectory()) throw new OutputError(`cannot write reports into ${dir}: ${d} is not a folder`);
    break;
  }
  for (const folder of missing.reverse()) {
    try {
      fs.mkdirSync(folder);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' && isFolder(folder)) continue;
      const reason =
        code === 'ENOENT'
          ? 'the file system does not let a folder be created there'
          : code === 'EEXIST'
            ? 'something that is not a folder (a dangling symbolic link?) has that name'
            : reasonOf(e);
      throw new OutputError(`cannot create the folder ${folder}: ${reason}`);
    }
  }
}

/**
 * Pieces are encoded one after another into one buffer of this many bytes, written when the next
 * piece might not fit: no joined string of a megabyte (two bytes a character in Vietnamese, in
 * V8's large-object space) and no new buffer per write. Each piece is encoded on its own, so a
 * piece must not end inside a pair of surrogates (JSON pieces end between values, and JSON.stringify
 * writes a lone surrogate as an escape).
 */
const BATCH = 1 << 20;

/** UTF-8 takes at most three bytes per UTF-16 code unit (four for a pair of two). */
const MAX_BYTES_PER_UNIT = 3;

/** Write the text, given whole or in pieces, to a temporary file that is then renamed into place. */
export function writeFileAtomic(file: string, content: string | Iterable<string>): void {
  makeFolders(path.dirname(file));
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    // 'wx': never write through something already there under the temporary name.
    if (typeof content === 'string') fs.writeFileSync(temporary, content, { flag: 'wx' });
    else writePieces(temporary, content);
    fs.renameSync(temporary, file);
  } catch (e) {
    try {
      fs.rmSync(temporary, { force: true });
    } catch {
      // Nothing was created, or it cannot be removed either: the write error says why.
    }
    throw new OutputError(`cannot write the report ${file}: ${reasonOf(e)}`);
  }
}

function writePieces(file: string, pieces: Iterable<string>): void {
  const fd = fs.openSync(file, 'wx');
  try {
    const buffer = Buffer.allocUnsafe(BATCH);
    let used = 0;
    for (const piece of pieces) {
      const most = piece.length * MAX_BYTES_PER_UNIT;
      if (used + most > BATCH) {
        writeAll(fd, buffer, used);
        used = 0;
      }
      if (most > BATCH) writeAll(fd, Buffer.from(piece, 'utf8'));
      else used += buffer.write(piece, used, 'utf8');
    }
    writeAll(fd, buffer, used);
  } finally {
    fs.closeSync(fd);
  }
}

/** writeSync may write less than it was given: write until all of it is written. */
function writeAll(fd: number, bytes: Buffer, length = bytes.length): void {
  for (let done = 0; done < length; ) done += fs.writeSync(fd, bytes, done, length - done);
}
