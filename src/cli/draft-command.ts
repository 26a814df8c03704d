/**
 * `tally draft <document>`: propose the figures and claim rules of a new document (DESIGN §9),
 * written as a figure file and a rule file beside it (or into --out), ready to run and review.
 * Exit codes: 0 drafted (the draft loads and runs), 2 usage error (missing document, draft files
 * already there without --force, a document that does not read as the locale given).
 * What it does is in draft-run.ts, loaded when the command runs (engine-loader.ts).
 */
import { type Command, Option } from 'commander';
import type { Locale } from '../model.js';
import { allowOutsideOption, maxDocumentSizeOption, maxYamlSizeOption } from './input-options.js';
import { engine } from './engine-loader.js';
import type { InputFlags } from './flags.js';

export interface DraftFlags extends InputFlags {
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
    .action(async (document: string, flags: DraftFlags) => (await engine('draft')).runDraft(document, flags));
}
