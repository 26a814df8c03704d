/**
 * `tally draft <document>`: propose the figures and claim rules of a new document (DESIGN §9),
 * written as a figure file and a rule file beside it (or into --out), ready to run and review.
 * Exit codes: 0 drafted (the draft loads and runs), 2 usage error (missing document, draft files
 * already there without --force, a document that does not read as the locale given).
 */
import { type Command, Option } from 'commander';
import { policyOf } from '../audit.js';
import { draft } from '../draft/index.js';
import type { Locale } from '../model.js';
import { terminalText } from '../report/escape.js';
import { allowOutsideOption, inputOptions, maxDocumentSizeOption, maxYamlSizeOption, type InputFlags } from './input-options.js';

interface DraftFlags extends InputFlags {
  locale?: Locale;
  out?: string;
  force?: boolean;
}

export function registerDraft(program: Command): void {
  program
    .command('draft')
    .description('draft a figure file and a rule file for a document: every number classified, claims linked to the levels they speak about, for a reviewer to confirm or fix')
    .argument('<document>', 'the document (UTF-8 text or Markdown)')
    .addOption(new Option('--locale <locale>', 'how the numerals are written (default: as the document shows)').choices(['vi-VN', 'en']))
    .option('--out <dir>', 'folder for the two files (default: the document’s folder)')
    .option('--force', 'replace draft files that exist already')
    .addOption(allowOutsideOption())
    .addOption(maxDocumentSizeOption())
    .addOption(maxYamlSizeOption())
    .action((document: string, flags: DraftFlags) => {
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
    });
}
