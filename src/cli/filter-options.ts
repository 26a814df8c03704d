/** `--rule ID` and `--tag TAG` (repeatable), shared by `audit` and `explain` (src/judge/select.ts says what they select). */
import { Option } from 'commander';

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

export function ruleOption(): Option {
  return new Option('--rule <id>', 'report only this rule (repeatable: any of them)').argParser(collect);
}

export function tagOption(): Option {
  return new Option('--tag <tag>', 'report only rules with this tag (repeatable: any of them; with --rule, both must match)').argParser(collect);
}
