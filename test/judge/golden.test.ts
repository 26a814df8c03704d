/**
 * Golden verdicts: every rule of the bundled audit pinned — its verdict, what the figures give,
 * why a warn is a warn and whether a finding is material — in a file committed next to this test.
 * A change of any of them fails here until it is looked at and the file is regenerated
 * (`npm test -- -u`), so no verdict of the seed changes unnoticed.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { audit } from '../../src/audit.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('the bundled audit, rule by rule', () => {
  it('keeps every verdict and every computed value', async () => {
    const result = audit({ paths: [path.join(ROOT, 'rules')], cwd: ROOT, today: '2026-01-01' });
    const pinned = Object.fromEntries(
      result.results.map((r) => [
        r.id,
        {
          verdict: r.verdict,
          ...(r.computed ? { computed: r.computed.text } : {}),
          ...(r.warning ? { warning: r.warning.kind } : {}),
          ...(r.witness && !r.witnessAtWritten ? { witness: r.witness } : {}),
          ...(r.diagnosis ? { material: r.diagnosis.materiality.tests } : {}),
          ...(r.missing ? { missing: r.missing } : {}),
        },
      ]),
    );
    expect(Object.keys(pinned)).toHaveLength(result.summary.total);
    await expect(`${JSON.stringify(pinned, null, 2)}\n`).toMatchFileSnapshot('./lang-son.verdicts.json');
  });
});
