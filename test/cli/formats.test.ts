/** The format list of the CLI's flags is the library's reporters: same names, same file names. */
import { describe, expect, it } from 'vitest';
import { FORMATS } from '../../src/cli/formats.js';
import { reporters } from '../../src/report/index.js';

describe('CLI formats', () => {
  it('name the reporters of the library, with their file names', () => {
    expect([...FORMATS.keys()]).toEqual([...reporters.keys()]);
    for (const [name, format] of FORMATS) expect(format.fileName, name).toBe(reporters.get(name)!.fileName);
  });
});
