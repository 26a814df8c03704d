/**
 * Writing reports (issue 12, finding 3): `--out /proc/x` spun forever at 100 % CPU inside Node's
 * recursive mkdir; other failures threw with stack traces and left `.tmp` files. Now every
 * failure is one OutputError naming the path and the reason, and nothing is left behind.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeFolders, OutputError, writeFileAtomic } from '../../src/report/write.js';

const scratch = () => fs.mkdtempSync(path.join(os.tmpdir(), 'tally-write-'));
const failure = (f: () => void): OutputError => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(OutputError);
    return e as OutputError;
  }
  throw new Error('expected an OutputError');
};

describe('writeFileAtomic', () => {
  it('creates the missing folders and writes the file, with no temporary file left', () => {
    const dir = scratch();
    writeFileAtomic(path.join(dir, 'a', 'b', 'report.json'), '{}\n');
    expect(fs.readFileSync(path.join(dir, 'a', 'b', 'report.json'), 'utf8')).toBe('{}\n');
    expect(fs.readdirSync(path.join(dir, 'a', 'b'))).toEqual(['report.json']);
  });

  it('writes a report given in pieces, gathered into large writes, byte for byte (multi-byte characters across batches too)', () => {
    const dir = scratch();
    const pieces = Array.from({ length: 3000 }, (_, i) => `${i}: tăng “${'đ'.repeat(i % 700)}”\n`);
    writeFileAtomic(path.join(dir, 'report.json'), pieces);
    expect(fs.readFileSync(path.join(dir, 'report.json'), 'utf8')).toBe(pieces.join(''));
    expect(fs.readdirSync(dir)).toEqual(['report.json']);
    // A failure while the pieces are made leaves no temporary file behind.
    function* failing() {
      yield 'a';
      throw new Error('disk on fire');
    }
    expect(failure(() => writeFileAtomic(path.join(dir, 'other.json'), failing())).message).toMatch(/^cannot write the report .*other\.json: /);
    expect(fs.readdirSync(dir)).toEqual(['report.json']);
  });

  it('writes any pieces byte for byte: four-byte characters, pieces larger than a write, an empty one (property)', () => {
    const dir = scratch();
    const file = path.join(dir, 'report.json');
    // Whole code points only: a piece never ends inside a pair of surrogates (see writePieces).
    const piece = fc.oneof(
      { weight: 8, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
      { weight: 1, arbitrary: fc.tuple(fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }), fc.integer({ min: 100_000, max: 400_000 })).map(([s, n]) => s.repeat(Math.ceil(n / s.length))) },
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        fs.rmSync(file, { force: true });
        writeFileAtomic(file, pieces);
        expect(fs.readFileSync(file).equals(Buffer.from(pieces.join(''), 'utf8'))).toBe(true);
      }),
      { numRuns: 40 },
    );
    expect(fs.readdirSync(dir)).toEqual(['report.json']);
  });

  it('a folder under /proc fails at once with the reason (Node’s own recursive mkdir spins there forever)', () => {
    const e = failure(() => writeFileAtomic('/proc/tally-x/report.json', 'x'));
    expect(e.message).toBe('cannot create the folder /proc/tally-x: the file system does not let a folder be created there');
  });

  it('a dangling symbolic link as the folder fails at once, naming it', () => {
    const dir = scratch();
    fs.symlinkSync(path.join(dir, 'nowhere'), path.join(dir, 'out'));
    expect(failure(() => makeFolders(path.join(dir, 'out'))).message).toMatch(/^cannot create the folder .*\/out: something that is not a folder/);
  });

  it('a file where the folder should be, or in its path, is named in one line', () => {
    const dir = scratch();
    fs.writeFileSync(path.join(dir, 'file'), '');
    expect(failure(() => writeFileAtomic(path.join(dir, 'file', 'report.json'), 'x')).message).toBe(
      `cannot write reports into ${path.join(dir, 'file')}: ${path.join(dir, 'file')} is not a folder`,
    );
    expect(failure(() => writeFileAtomic(path.join(dir, 'file', 'sub', 'report.json'), 'x')).message).toMatch(/is not a folder$/);
  });

  it('a report that cannot replace what is there leaves no temporary file behind', () => {
    const dir = scratch();
    fs.mkdirSync(path.join(dir, 'report.json'));
    const e = failure(() => writeFileAtomic(path.join(dir, 'report.json'), 'x'));
    expect(e.message).toBe(`cannot write the report ${path.join(dir, 'report.json')}: it is a folder, not a file`);
    expect(fs.readdirSync(dir)).toEqual(['report.json']);
  });

  it('replaces an existing report in one step (a reader sees the old or the new file, never half)', () => {
    const dir = scratch();
    const file = path.join(dir, 'report.json');
    writeFileAtomic(file, 'old');
    const inode = fs.statSync(file).ino;
    writeFileAtomic(file, 'new');
    expect(fs.readFileSync(file, 'utf8')).toBe('new');
    // A rename, not a rewrite in place: the file is a new one.
    expect(fs.statSync(file).ino).not.toBe(inode);
  });
});
