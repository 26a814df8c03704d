/**
 * `tally explain <rule-id> [paths…]`: one rule's computation step by step, for a reviewer.
 * `tally explain doc.txt:LINE:COL [paths…]`: how the number at that place was read — value,
 * interval, hedge, unit, class, and which rule of the reader decided it.
 * The explanation is built by the library (`explain`); explain-run.ts, loaded when the command
 * runs (engine-loader.ts), lays it out as text for a terminal (coloured only on a TTY without
 * NO_COLOR) or as JSON for tools. This file declares the flags.
 * Exit codes: 0 explained (whatever the verdict of a rule that can be judged), 2 the rule is
 * broken (verdict error: a configuration error, as in `audit`), an unknown rule id, a missing
 * path or a bad flag.
 */
import { type Command, Option } from 'commander';
import type { Locale } from '../model.js';
import { ruleOption, tagOption } from './filter-options.js';
import { allowOutsideOption, maxDocumentSizeOption, maxYamlSizeOption } from './input-options.js';
import { engine } from './engine-loader.js';
import type { InputFlags, FilterFlags } from './flags.js';

export interface ExplainFlags extends InputFlags, FilterFlags {
  format: 'text' | 'json';
  locale?: Locale;
}

export function registerExplain(program: Command): void {
  program
    .command('explain')
    .description(
      'show how one rule is computed and judged, step by step (figures, intervals, reading, verdict, diagnosis, waiver); or, given doc.txt:LINE:COL, how the number there was read',
    )
    .argument('[rule-id|doc:line:col]', 'the id of the rule to explain, or a place in a document (path:line:col); with --rule or --tag, leave it out')
    .argument('[paths...]', 'rule files or folders (default: ./rules)')
    .addOption(ruleOption())
    .addOption(tagOption())
    .addOption(new Option('-f, --format <format>', 'text for a terminal, json for tools').choices(['text', 'json']).default('text'))
    .addOption(new Option('--locale <locale>', 'read a document that no rule file audits in this locale (default: as its numerals show)').choices(['vi-VN', 'en']))
    .addOption(allowOutsideOption())
    .addOption(maxDocumentSizeOption())
    .addOption(maxYamlSizeOption())
    .action(async (id: string | undefined, paths: string[], flags: ExplainFlags) => (await engine('audit')).runExplainCommand(id, paths, flags));
}
