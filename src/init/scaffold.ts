/**
 * `tally init`: the files of a new project, small enough to read in a minute, that audit cleanly
 * as written — a sample document, its figures, a rule file, the config and a README. Each YAML
 * file starts with the `yaml-language-server` line pointing at the schema of the tally that
 * wrote it, so an editor completes keys and values from the first keystroke.
 */

/** Where each file's schema is, relative to that file (`rules/schema/…` of the running tally). */
export type SchemaLink = (file: string, schema: 'rules' | 'figures' | 'config') => string;

const header = (link: string) => `# yaml-language-server: $schema=${link}\n`;

export const DOCUMENT = `Northwind Ltd. — summary of the year 2024

Sales rose to $480 million in 2024 from $400 million in 2023, an increase of 20%.
Exports were $120 million, a quarter of sales.
`;

/** The scaffold, by path relative to the project folder. */
export function scaffold(link: SchemaLink): Record<string, string> {
  return {
    'tally.config.yaml': `${header(link('tally.config.yaml', 'config'))}# Defaults of every tally command in this project; a command-line flag overrides its key.
rules: [rules]
formats: [console]
failOn: error
locale: en
`,
    'data/report.txt': DOCUMENT,
    'data/report.figures.yaml': `${header(link('data/report.figures.yaml', 'figures'))}# Named numbers, each read from a quote of the document (never typed twice).
document: report.txt
locale: en
figures:
  sales_2024:
    quote: "Sales rose to $480 million in 2024"
    number: "$480 million"
  sales_2023:
    quote: "from $400 million in 2023"
    number: "$400 million"
  exports_2024:
    quote: "Exports were $120 million"
`,
    'rules/report.yaml': `${header(link('rules/report.yaml', 'rules'))}# Each numeric claim of the document, and what the figures give for it.
figures: [../data/report.figures.yaml]
rules:
  - id: sales-growth
    quote: "an increase of 20%"
    expr: growth(sales_2024, sales_2023)
    tags: [sales]
  - id: export-share
    quote: "a quarter of sales"
    expr: share(exports_2024, sales_2024)
    tags: [sales, exports]
  - id: exports-within-sales
    assert: exports_2024 <= sales_2024
    note: a reviewer's own check, stated nowhere in the text
`,
    'README.md': `# Auditing report.txt with tally

- \`data/report.txt\` — the document audited.
- \`data/report.figures.yaml\` — its figures, each anchored by a quote.
- \`rules/report.yaml\` — its claims, each an expression over the figures.
- \`tally.config.yaml\` — defaults of every command (rule paths, formats, fail-on level …).

Run \`tally audit\` (every rule), \`tally audit --watch\` (again on every change),
\`tally explain sales-growth\` (one rule, step by step) and \`tally coverage\` (every number of
the document, covered or not). The rule language: rules/README.md of the tally package.
`,
  };
}
