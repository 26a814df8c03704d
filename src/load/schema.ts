/**
 * The one source of truth for the rule and figure file formats: TypeBox builds the JSON Schemas
 * (validated with ajv, published under schema/ for editors) and the TypeScript types from the
 * same declarations, so the two cannot drift apart.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';

const strict = { additionalProperties: false } as const;

/**
 * The `$id` of a published schema: where npm installs it, as a package-relative URL that names it
 * uniquely (editors key schemas by it; nothing fetches it).
 */
export const schemaId = (name: string) => `https://unpkg.com/tally/rules/schema/${name}.schema.json`;

/** The `$schema` key a file may carry (editors read it; tally ignores it). */
const SchemaKey = (name: string) =>
  Type.String({ description: 'The JSON Schema of this file, for editors (tally itself ignores this key).', examples: [`./node_modules/tally/rules/schema/${name}.schema.json`] });

/**
 * A string out of a fixed list, as a JSON Schema `enum` (not an `anyOf` of `const`s, which
 * editors cannot offer as completions).
 */
function StringEnum<const T extends string>(values: readonly T[], options: Record<string, unknown> = {}) {
  return Type.Unsafe<T>({ type: 'string', enum: [...values], ...options });
}

const RuleId = Type.String({
  pattern: '^[a-z0-9][a-z0-9._-]*$',
  description: 'Rule id: lower-case letters, digits, dots, dashes and underscores; unique across every rule file audited together.',
  examples: ['grdp-growth-2020-2023'],
});
const Quote = Type.String({
  minLength: 1,
  description:
    'Verbatim text of the document (compared after Unicode NFC and whitespace normalisation). It must be found in the document, once (or use `occurrence`).',
  examples: ['tăng 30,3 % so với năm 2020'],
});
const Occurrence = Type.Integer({
  minimum: 1,
  description: 'Which occurrence of the quote is meant when it appears several times (1-based).',
  examples: [2],
});
const NumberSelector = Type.String({
  minLength: 1,
  description:
    'The number meant, as written inside the quote (e.g. "30,3 %"). Needed only when the quote holds several numbers.',
  examples: ['30,3 %'],
});
export const Locale = StringEnum(['vi-VN', 'en'], {
  description: 'How numerals are written: vi-VN (7.126,1) or en (7,126.1).',
  examples: ['vi-VN'],
});
export const Severity = StringEnum(['error', 'warning', 'info'], {
  description: 'How much a finding of this rule matters; `--fail-on` picks the threshold.',
  examples: ['warning'],
});
export const Reading = StringEnum(['round', 'truncate', 'about', 'nearly', 'more-than', 'less-than', 'at-least', 'at-most', 'range'], {
  description:
    'How the stated value is read: round (half-up, default), truncate, about (hedged: widened by `tolerance` on both sides), nearly (just below: [v − tolerance, v]), more-than / less-than / at-least / at-most (bounds), range (membership in "8-9%").',
  examples: ['about'],
});
const Tolerance = Type.String({
  pattern: '^[0-9]+([.,][0-9]+)?%$',
  description: 'Relative widening for `reading: about` and `nearly`, as a percentage, e.g. "5%". Default "5%".',
  examples: ['5%'],
});
const Tags = Type.Array(Type.String({ minLength: 1, description: 'A label.' }), {
  description: 'Free labels: `tally audit --tag TAG` and `tally explain --tag TAG` select the rules that carry one.',
  examples: [['growth', 'budget']],
});
const Note = Type.String({
  description: 'A reviewer note: why this rule exists or, when it does not pass, what the finding means in words.',
  examples: ['the 2022 plan is not given: this sentence implies it'],
});
const Description = (what: string, example: string) => Type.String({ description: `What ${what} is, in words (shown in reports).`, examples: [example] });

// ── Figure files ────────────────────────────────────────────────────────────────────────────

const FigureIdPattern = '^[A-Za-z_][A-Za-z0-9_]*$';

const DerivedExpr = Type.String({
  minLength: 1,
  description:
    'A derived figure: a name for this expression over other figures (stated, cited, unknown or derived), e.g. "revenue_2024 / 131%". It is never an independent interval: every rule that uses it is judged on the expression over the base figures.',
  examples: ['revenue_2024 / 131%'],
});

const CountedItem = Type.Object(
  { quote: Quote, occurrence: Type.Optional(Occurrence) },
  { ...strict, description: 'One item of a counted list, quoted, with the occurrence meant when the quote appears several times.', examples: [{ quote: 'Hàn Quốc', occurrence: 2 }] },
);

export const DerivedSpec = Type.Object(
  {
    expr: DerivedExpr,
    unit: Type.Optional(Type.String({ description: 'Unit as a reader would say it.', examples: ['tỷ đồng'] })),
    description: Type.Optional(Description('the figure', 'budget revenue plan 2024')),
  },
  { ...strict, description: 'A derived figure of this rule file only: a name for an expression over the figures.', examples: [{ expr: 'revenue_2024 / 131%' }] },
);
export type DerivedSpec = Static<typeof DerivedSpec>;

export const FigureSpec = Type.Object(
  {
    quote: Type.Optional(Quote),
    number: Type.Optional(NumberSelector),
    occurrence: Type.Optional(Occurrence),
    value: Type.Optional(
      Type.Union([Type.Number(), Type.String({ minLength: 1 })], {
        description: 'The value as written, for a figure cited from an external source (a number, or a locale string like "5,05%").',
        examples: ['5,05%'],
      }),
    ),
    cite: Type.Optional(Type.String({ minLength: 1, description: 'Where an external figure comes from.', examples: ['GSO, Socio-economic situation report Q4 2023'] })),
    unknown: Type.Optional(
      Type.Boolean({ description: 'The figure is needed but not given anywhere: rules using it are unverifiable.', examples: [true] }),
    ),
    exact: Type.Optional(Type.Boolean({ description: 'The value is exact (a count), not rounded to its written digits.', examples: [true] })),
    precision: Type.Optional(
      Type.Union([Type.Number({ exclusiveMinimum: 0 }), Type.String({ minLength: 1 })], {
        description: 'Explicit half-width of the figure, in the same units as written (e.g. "0,5" tỷ, "0,05%").',
        examples: ['0,5 tỷ'],
      }),
    ),
    unit: Type.Optional(Type.String({ description: 'Unit as a reader would say it, when the text does not carry it.', examples: ['doanh nghiệp'] })),
    description: Type.Optional(Description('the figure', 'GRDP 2023 at current prices')),
    expr: Type.Optional(DerivedExpr),
    count: Type.Optional(
      Type.Array(Type.Union([Quote, CountedItem]), {
        minItems: 1,
        description:
          'A counted list: the items the document names, each quoted (e.g. the markets of "6 thị trường đạt trên 10 tỷ USD"). The figure is their number, exactly; every item must be found in the document.',
        examples: [['Hoa Kỳ', 'Trung Quốc', 'Hàn Quốc']],
      }),
    ),
  },
  {
    ...strict,
    description:
      'A named number: anchored by a quote of the document, cited from elsewhere, unknown, derived from other figures (`expr`), or the count of a list of quoted items (`count`).',
    examples: [{ quote: '(GRDP) năm 2023 là 45.481 tỷ đồng', number: '45.481 tỷ đồng' }],
  },
);
export type FigureSpec = Static<typeof FigureSpec>;

export const FigureFile = Type.Object(
  {
    $schema: Type.Optional(SchemaKey('figures')),
    document: Type.Optional(Type.String({ description: 'The document that quotes are found in, relative to this file.', examples: ['lang-son-2021-2024.vi.txt'] })),
    locale: Type.Optional(Locale),
    figures: Type.Record(Type.String(), FigureSpec, {
      description: 'Figures by id. Ids are used in expressions, so they are letters, digits and underscores.',
      examples: [{ grdp_2023: { quote: '(GRDP) năm 2023 là 45.481 tỷ đồng' } }],
    }),
    tables: Type.Optional(
      Type.Array(Type.String({ minLength: 1 }), {
        description: 'CSV files of figures (columns: id, value or quote/number, unit, exact, precision, cite, description), relative to this file.',
        examples: [['budget.csv']],
      }),
    ),
  },
  { ...strict, $id: schemaId('figures'), title: 'tally figure file', description: 'Named numbers of one document, each read from a quote of it (or cited, unknown, derived, counted).' },
);
export type FigureFile = Static<typeof FigureFile>;

const Materiality = Type.Object(
  {
    relative: Type.Optional(
      Type.String({ pattern: '^[0-9]+([.,][0-9]+)?\\s*%$', description: 'A finding is material when beyond rounding it is off by this share of the stated value (default "5%"); for levels and counts.', examples: ['5%'] }),
    ),
    points: Type.Optional(
      Type.Number({ exclusiveMinimum: 0, description: 'A finding on a rate is material when beyond rounding it is off by this many percentage points (default 1).', examples: [1] }),
    ),
  },
  { ...strict, description: 'Size thresholds above which a finding is material whatever it concludes.', examples: [{ relative: '5%', points: 1 }] },
);

// ── Rule files ──────────────────────────────────────────────────────────────────────────────

const RuleCommon = {
  id: RuleId,
  severity: Type.Optional(Severity),
  note: Type.Optional(Note),
  tags: Type.Optional(Tags),
  description: Type.Optional(Description('the rule checks', 'GRDP growth 2020–2023')),
};

export const ClaimRule = Type.Object(
  {
    ...RuleCommon,
    quote: Quote,
    number: Type.Optional(NumberSelector),
    occurrence: Type.Optional(Occurrence),
    expr: Type.String({
      minLength: 1,
      description: 'What the figures give for the stated value: a mathjs expression over figure ids and the claim functions (growth, ratio, share, pp, avg, sum, cagr, times, …).',
      examples: ['growth(grdp_2023, grdp_2020)'],
    }),
    reading: Type.Optional(Reading),
    tolerance: Type.Optional(Tolerance),
    implies: Type.Optional(
      Type.String({
        pattern: FigureIdPattern,
        description:
          'An unknown figure this claim defines: the values of it that make the claim hold ("đạt 131% dự toán" implies the plan). Rules that use the figure are judged over those values; two claims implying the same figure must agree.',
        examples: ['plan_2024'],
      }),
    ),
  },
  {
    ...strict,
    description: 'A claim of the document: the stated value is read from the quote and compared with `expr`.',
    examples: [{ id: 'grdp-growth-2020-2023', quote: 'tăng 30,3 % so với năm 2020', expr: 'growth(grdp_2023, grdp_2020)' }],
  },
);
export type ClaimRule = Static<typeof ClaimRule>;

export const AssertionRule = Type.Object(
  {
    ...RuleCommon,
    quote: Type.Optional(Quote),
    occurrence: Type.Optional(Occurrence),
    assert: Type.String({
      minLength: 1,
      description: "A reviewer's own check that must hold, e.g. `fdi_china <= fdi_total`. It passes when some values within the figures' precision satisfy it.",
      examples: ['fdi_china <= fdi_total'],
    }),
  },
  {
    ...strict,
    description: "A reviewer's check the text does not state: plausibility, part ≤ whole, totals.",
    examples: [{ id: 'fdi-china-within-total', assert: 'fdi_china <= fdi_total' }],
  },
);
export type AssertionRule = Static<typeof AssertionRule>;

export const IgnoreSpec = Type.Object(
  {
    text: Type.Optional(Type.String({ minLength: 1, description: 'A number exactly as written in the document.', examples: ['2021-2025'] })),
    pattern: Type.Optional(Type.String({ minLength: 1, description: 'A regular expression matched against each number as written.', examples: ['^Q[1-4]$'] })),
    kind: Type.Optional(
      StringEnum(['date', 'year', 'document-number', 'name', 'ordinal', 'identifier', 'label'], {
        description:
          'Ignore every number of this kind. Years, dates, document numbers, names, ordinals, identifiers and labels are accounted for by their class already; an entry gives them a reason of your own.',
        examples: ['year'],
      }),
    ),
    quote: Type.Optional(Type.String({ minLength: 1, description: 'Ignore only numbers inside this quote.', examples: ['giai đoạn 2021-2025'] })),
    reason: Type.String({ minLength: 1, description: 'Why these numbers are not claims.', examples: ['the plan period, not a quantity'] }),
  },
  { ...strict, description: 'Numbers of the document that are not claims, with the reason.', examples: [{ text: '2021-2025', reason: 'the plan period, not a quantity' }] },
);
export type IgnoreSpec = Static<typeof IgnoreSpec>;

export const RuleFile = Type.Object(
  {
    $schema: Type.Optional(SchemaKey('rules')),
    figures: Type.Array(Type.String({ minLength: 1 }), {
      minItems: 1,
      description: 'Figure files (YAML or CSV) these rules use, relative to this file.',
      examples: [['../../data/lang-son.figures.yaml']],
    }),
    document: Type.Optional(Type.String({ description: 'The document, relative to this file; defaults to the figure files’ document.', examples: ['../../data/report.txt'] })),
    locale: Type.Optional(Locale),
    defaults: Type.Optional(
      Type.Object(
        {
          severity: Type.Optional(Severity),
          reading: Type.Optional(Reading),
          budget: Type.Optional(
            Type.Integer({
              minimum: 100,
              maximum: 100_000_000,
              description:
                'Evaluations one rule may spend proving its verdict (and as many on its diagnosis): a count, not a time, so reports stay byte-identical. Default 20000 (about 50 ms of arithmetic); a rule that needs more is a warn "could not be decided".',
              examples: [20000],
            }),
          ),
          materiality: Type.Optional(Materiality),
        },
        { ...strict, description: 'Settings of every rule of this file, unless a rule sets its own.', examples: [{ severity: 'error', reading: 'round' }] },
      ),
    ),
    derived: Type.Optional(
      Type.Record(Type.String(), DerivedSpec, {
        description: 'Derived figures of this rule file: names for expressions over the figures, usable in its rules like any figure.',
        examples: [{ plan_2024: { expr: 'revenue_2024 / 131%' } }],
      }),
    ),
    ignore: Type.Optional(
      Type.Array(IgnoreSpec, {
        description: 'Numbers of the document that are not claims, each with the reason (coverage lists them as ignored).',
        examples: [[{ kind: 'year', reason: 'years say when, not how much' }]],
      }),
    ),
    rules: Type.Array(Type.Union([ClaimRule, AssertionRule]), {
      description: 'Claim rules and assertion rules.',
      examples: [[{ id: 'grdp-growth-2020-2023', quote: 'tăng 30,3 % so với năm 2020', expr: 'growth(grdp_2023, grdp_2020)' }]],
    }),
  },
  { ...strict, $id: schemaId('rules'), title: 'tally rule file', description: 'Claim rules and assertion rules over the figures of one document.' },
);
export type RuleFile = Static<typeof RuleFile>;

// ── Waiver files ────────────────────────────────────────────────────────────────────────────

export const WaiverSpec = Type.Object(
  {
    rule: RuleId,
    reason: Type.String({ minLength: 1, description: 'Why the finding is accepted, for the next reviewer.', examples: ['the source rounds each year before summing'] }),
    reviewer: Type.String({ minLength: 1, description: 'Who accepted it.', examples: ['minh.le'] }),
    expires: Type.String({
      pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$',
      description: 'Last day the waiver applies (YYYY-MM-DD); after it the finding counts again and the audit warns.',
      examples: ['2026-06-30'],
    }),
  },
  {
    ...strict,
    description: 'A reviewed, accepted finding: still shown and counted, but it does not fail the run.',
    examples: [{ rule: 'revenue-growth', reason: 'the source rounds each year before summing', reviewer: 'minh.le', expires: '2026-06-30' }],
  },
);
export type WaiverSpec = Static<typeof WaiverSpec>;

export const WaiverFile = Type.Object(
  {
    $schema: Type.Optional(SchemaKey('waivers')),
    waivers: Type.Array(WaiverSpec, {
      description: 'Accepted findings of the rules in this folder, by rule id.',
      examples: [[{ rule: 'revenue-growth', reason: 'the source rounds each year before summing', reviewer: 'minh.le', expires: '2026-06-30' }]],
    }),
  },
  { ...strict, $id: schemaId('waivers'), title: 'tally waiver file', description: '`waivers.yaml`, next to the rule files it applies to.' },
);
export type WaiverFile = Static<typeof WaiverFile>;

// ── Config file ─────────────────────────────────────────────────────────────────────────────

/** The output formats (src/report/index.ts registers the same names; a test checks they agree). */
export const FORMAT_NAMES = ['console', 'json', 'markdown', 'html', 'junit', 'sarif', 'github'] as const;

export const ConfigFile = Type.Object(
  {
    $schema: Type.Optional(SchemaKey('config')),
    rules: Type.Optional(
      Type.Array(Type.String({ minLength: 1 }), {
        description: 'Rule files or folders audited when the command names none, relative to this file (default: rules).',
        examples: [['rules']],
      }),
    ),
    ignore: Type.Optional(
      Type.Array(Type.String({ minLength: 1 }), {
        description: 'Files or folders, relative to this file, that the search for rule files skips (a folder skips everything below it).',
        examples: [['rules/drafts']],
      }),
    ),
    locale: Type.Optional(
      StringEnum(['vi-VN', 'en'], {
        description: 'The locale of rule sets whose rule and figure files state none (instead of deciding it from the document’s numerals).',
        examples: ['vi-VN'],
      }),
    ),
    failOn: Type.Optional(
      StringEnum(['error', 'warning', 'info', 'never'], { description: 'Exit 1 when a finding is at or above this severity (`--fail-on`; default error).', examples: ['warning'] }),
    ),
    formats: Type.Optional(
      Type.Array(StringEnum([...FORMAT_NAMES], { description: 'An output format.' }), {
        minItems: 1,
        description: 'Output formats of `tally audit` (`--format`; default console).',
        examples: [['console', 'html']],
      }),
    ),
    out: Type.Optional(Type.String({ minLength: 1, description: 'Folder file formats are written to, relative to this file (`--out`).', examples: ['reports'] })),
    allowOutside: Type.Optional(
      Type.Array(Type.String({ minLength: 1 }), {
        description: 'Folders outside the project root that rule and figure files may name, relative to this file (`--allow-outside`).',
        examples: [['../shared-data']],
      }),
    ),
    materiality: Type.Optional(Materiality),
  },
  {
    ...strict,
    $id: schemaId('config'),
    title: 'tally config file',
    description: '`tally.config.yaml` at the project root: defaults for every command; a command-line flag overrides its key.',
  },
);
export type ConfigFile = Static<typeof ConfigFile>;

export const schemas: Record<string, TSchema> = {
  'config.schema.json': ConfigFile,
  'figures.schema.json': FigureFile,
  'rules.schema.json': RuleFile,
  'waivers.schema.json': WaiverFile,
};
