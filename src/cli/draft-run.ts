/** `tally draft <document>` (flags in draft-command.ts): draft, then say what was written. */
import { policyOf } from '../audit.js';
import { draft } from '../draft/index.js';
import { terminalText } from '../report/escape.js';
import type { DraftFlags } from './draft-command.js';
import { inputOptions } from './flags.js';

export function runDraft(document: string, flags: DraftFlags): void {
  const r = draft(document, {
    ...(flags.locale ? { locale: flags.locale } : {}),
    ...(flags.out ? { outDir: flags.out } : {}),
    ...(flags.force ? { force: true } : {}),
    policy: policyOf({ paths: [], ...inputOptions(flags) }),
  });
  const lines = [
    `drafted ${r.claims} claim rules and ${r.assertions} assertions over ${r.figures} figures (${r.locale})`,
    `  ${r.figuresFile}`,
    `  ${r.rulesFile}`,
    `${r.todo} numbers left to place by hand (TODO comments in the rule file)`,
    ...r.dropped.map((d) => `dropped ${d.id}: ${d.reason}`),
    `next: tally audit ${r.rulesFile} — read each finding, confirm or fix each drafted rule, then drop its draft tags`,
  ];
  process.stdout.write(`${lines.map(terminalText).join('\n')}\n`);
  process.exitCode = 0;
}
