/** The law of config and flags: a flag given wins over its config key; a key the flags leave unset comes from the config. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditSettings } from '../../src/cli/audit-run.js';
import type { TallyConfig } from '../../src/load/index.js';

const failOn = fc.constantFrom('error' as const, 'warning' as const, 'info' as const, 'never' as const);
const formats = fc.uniqueArray(fc.constantFrom('console', 'json', 'html', 'sarif'), { minLength: 1, maxLength: 3 });
const folder = fc.constantFrom('out', 'reports', 'a/b');
const folders = fc.array(fc.constantFrom('/shared', '/data', '/x'), { minLength: 1, maxLength: 2 });

describe('config and flags', () => {
  it('each setting is the flag if given, else the config key, else the default', () => {
    fc.assert(
      fc.property(
        fc.record({ failOn, format: formats, out: folder, allowOutside: folders }, { requiredKeys: [] }),
        fc.record({ failOn, formats, out: folder, allowOutside: folders, rules: fc.constant(['checks'] as string[]) }, { requiredKeys: [] }),
        fc.boolean(),
        (flags, config: TallyConfig, named) => {
          const s = auditSettings(named ? ['given'] : [], flags, config);
          expect(s.failOn).toBe(flags.failOn ?? config.failOn ?? 'error');
          expect(s.formats).toEqual(flags.format ?? config.formats ?? []);
          expect(s.out).toBe(flags.out ?? config.out);
          expect(s.options.allowOutside).toEqual(flags.allowOutside ?? config.allowOutside);
          expect(s.options.paths).toEqual(named ? ['given'] : (config.rules ?? []));
        },
      ),
    );
  });
});
