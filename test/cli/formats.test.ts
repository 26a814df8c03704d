/** The CLI's format list (loaded lazily) is the library's reporters: same names, files and objects. */
import { describe, expect, it } from 'vitest';
import { FORMATS, loadReporters } from '../../src/cli/formats.js';
import { reporters } from '../../src/report/index.js';

describe('CLI formats', () => {
  it('name the reporters of the library, with their file names', () => {
    expect([...FORMATS.keys()]).toEqual([...reporters.keys()]);
    for (const [name, format] of FORMATS) expect(format.fileName, name).toBe(reporters.get(name)!.fileName);
  });

  it('load exactly the reporters chosen', async () => {
    const loaded = await loadReporters(['html', 'console', 'html']);
    expect([...loaded.keys()]).toEqual(['html', 'console']);
    for (const [name, reporter] of loaded) expect(reporter).toBe(reporters.get(name));
  });
});
