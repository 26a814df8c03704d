/**
 * `tally explain doc.txt:LINE:COL` (built CLI): how the number at a place of a document was read,
 * as text and as JSON; and a stated locale the document contradicts, refused with exit 2.
 */
import { describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, tally } from './run.js';

const explain = (args: string[]) => tally(['explain', ...args], { cwd: ROOT });
const BULLETIN = 'test/fixtures/reading/bulletin.en.txt';

describe('tally explain doc:line:col', () => {
  it('explains a number of the bundled document as its rule files read it, with the rule that covers it', () => {
    const run = explain(['data/lang-son-2021-2024.vi.txt:9:470']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('data/lang-son-2021-2024.vi.txt:9:470  “12.000 nghìn tỷ đồng”');
    expect(run.stdout).toMatch(/class +quantity\n/);
    expect(run.stdout).toMatch(/locale +vi-VN — as rules\/lang-son\/\S+ reads it; the text agrees \(\d+ numerals read only as vi-VN/);
    expect(run.stdout).toMatch(/scale +nghìn tỷ = 10\^12/);
    expect(run.stdout).toMatch(/unit +đồng → VND \(money\)/);
    expect(run.stdout).toMatch(/value +12000000000000000\n/);
    expect(run.stdout).toMatch(/interval +\[11\.999,5 nghìn tỷ đồng; 12\.000,5 nghìn tỷ đồng\] +± 0,5 nghìn tỷ đồng/);
    expect(run.stdout).toMatch(/hedge +“hơn” before the number → more-than/);
    expect(run.stdout).toMatch(/reading +more-than → \(12\.000 nghìn tỷ đồng; ∞\)/);
    expect(run.stdout).toMatch(/covered +by licensed_project_capital/);
  });

  it('points anywhere inside the number, and explains classified numbers by the rule that classified them', () => {
    const run = explain(['data/lang-son-2021-2024.vi.txt:8:291']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('“4B”');
    expect(run.stdout).toMatch(/class +name\n +why +name: part of a name after "quốc lộ"/);
    expect(run.stdout).not.toMatch(/value/);
  });

  it('reads a document no rule file audits in the locale its numerals show', () => {
    const run = explain([BULLETIN + ':2:20', 'test/fixtures/reading']);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/“43\.7%”/);
    expect(run.stdout).toMatch(/locale +en — no rule file audits it; detected: \d+ numerals read only as en/);
    // "shot up to": a verb of motion, so no bound
    expect(run.stdout).toMatch(/hedge +none/);
    expect(run.stdout).toMatch(/reading +round → \[43\.65%; 43\.75%\)/);
    const nearly = explain([BULLETIN + ':2:44', 'test/fixtures/reading']);
    expect(nearly.stdout).toMatch(/“2 million tonnes”[\s\S]*unit +tonnes → t \(mass\)[\s\S]*hedge +“nearly” before the number → nearly[\s\S]*reading +nearly → \[1\.5 million tonnes; 2 million tonnes\]/);
  });

  it('gives the same as JSON', () => {
    const run = explain([BULLETIN + ':3:87', 'test/fixtures/reading', '--format', 'json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as { tool: { name: string }; reading: { locale: string; number: Record<string, unknown> } };
    expect(json.tool.name).toBe('tally');
    expect(json.reading.locale).toBe('en');
    expect(json.reading.number).toMatchObject({ text: '1:3', kind: 'quantity', form: 'ratio', value: { exact: '1/3' }, unit: { code: 'ratio', dimension: 'percent' } });
    expect(json.reading.number.why).toMatch(/^ratio: a:b after a ratio word/);
    const time = JSON.parse(explain([BULLETIN + ':3:95', 'test/fixtures/reading', '-f', 'json']).stdout) as { reading: { number: { kind: string; text: string } } };
    expect(time.reading.number).toMatchObject({ kind: 'date', text: '10:30' });
  });

  it('shows a malformed numeral with its problem', () => {
    const run = explain([BULLETIN + ':4:22', 'test/fixtures/reading']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/class +malformed\n[\s\S]*problem +",5": a numeral cannot start with a separator; it is not read as 5/);
  });

  it('exits 2 with the numbers of the line when no number stands there, or the place is outside the document', () => {
    const none = explain([BULLETIN + ':2:3', 'test/fixtures/reading']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/no number at test\/fixtures\/reading\/bulletin\.en\.txt:2:3; numbers on that line: 2:20 “43\.7%”, 2:44 “2 million tonnes”, 2:71 “60%”/);
    expect(explain([BULLETIN + ':99:1', 'test/fixtures/reading']).code).toBe(2);
  });

  it('honours --locale for a document no rule file audits', () => {
    const run = explain([BULLETIN + ':2:20', 'test/fixtures/reading', '--locale', 'vi-VN']);
    expect(run.stdout).toMatch(/class +malformed/);
    expect(run.stdout).toMatch(/locale +vi-VN — given with --locale/);
  });
});

describe('a stated locale the document contradicts', () => {
  it('is refused with the evidence, at the locale line, exit 2', () => {
    const run = tally(['audit', 'wrong-locale'], { cwd: FIXTURES });
    expect(run.code).toBe(2);
    expect(run.stdout + run.stderr).toMatch(
      /wrong-locale\/rules\.yaml:2:9 error\[locale-contradicts-document\] the document \S*report\.en\.txt does not read as vi-VN: \d+ numerals read only as en, e\.g\. "1,250\.0"/,
    );
  });
});
