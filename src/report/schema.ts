/**
 * The JSON Schema of the JSON report (what `toJsonReport` writes), declared with TypeBox and
 * published as reports/report.schema.json. Objects are closed (additionalProperties: false) so a
 * field added to the report without being documented here fails the schema test.
 */
import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { Locale, Reading, Severity } from '../load/schema.js';

const closed = { additionalProperties: false } as const;
const Count = Type.Integer({ minimum: 0 });
const Int1 = Type.Integer({ minimum: 1 });
const Offset = Type.Integer({ minimum: 0 });
const Sha256 = Type.String({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the file’s bytes, lower-case hex.' });

const Verdict = Type.Union(
  [Type.Literal('pass'), Type.Literal('fail'), Type.Literal('warn'), Type.Literal('unverifiable'), Type.Literal('error')],
  {
    description:
      'pass; fail; warn (holds only under a looser reading, e.g. truncation); unverifiable (a figure is missing); error (the rule itself is broken).',
  },
);
const NumberKind = Type.Union([
  Type.Literal('quantity'),
  Type.Literal('range'),
  Type.Literal('date'),
  Type.Literal('year'),
  Type.Literal('document-number'),
  Type.Literal('name'),
  Type.Literal('ordinal'),
  Type.Literal('identifier'),
  Type.Literal('label'),
  Type.Literal('malformed'),
]);

const Position = Type.Object(
  { file: Type.String({ description: 'Relative to the directory the audit ran in, with / separators.' }), line: Int1, col: Int1 },
  { ...closed, description: '1-based line and column (UTF-16 code units of the NFC text).' },
);

const Diagnostic = Type.Object(
  {
    severity: Type.Union([Type.Literal('error'), Type.Literal('warning')]),
    code: Type.String({ description: 'Stable machine code, e.g. "unknown-key", "quote-not-found".' }),
    message: Type.String(),
    position: Position,
    frame: Type.Optional(Type.String({ description: 'The offending source lines with a caret.' })),
    suggestions: Type.Optional(Type.Array(Type.String(), { description: '"did you mean" candidates.' })),
  },
  { ...closed, description: 'A problem with an input file.' },
);

const ReportedNumber = Type.Union(
  [
    Type.Number(),
    Type.String({
      pattern: '^(-?Infinity|-?[0-9]+(\\.[0-9]*(\\([0-9]+\\))?)?)$',
      description: 'Beyond what a float holds: the exact decimal (repeating digits in parentheses); an unbounded end: "-Infinity" or "Infinity".',
    }),
  ],
  { description: 'A float where one holds the value; never null.' },
);

const ReportedInterval = Type.Object(
  {
    lo: ReportedNumber,
    hi: ReportedNumber,
    text: Type.String({ description: 'Human form in the document’s locale, e.g. "[30,363 %; 30,369 %]".' }),
  },
  { ...closed, description: 'What the figures give: a sound enclosure of every value they allow (for a fail, the proof that none is stated).' },
);

const Difference = Type.Object(
  {
    absolute: Type.Union([ReportedNumber], { description: 'computed − stated, in base units (fractions for percentages).' }),
    relative: Type.Union([ReportedNumber], { description: '|absolute| / |stated|, as a fraction.' }),
    unit: Type.Union([Type.Literal('pp'), Type.Literal('value')]),
    gap: Type.Union([ReportedNumber], {
      description:
        'How far the computed interval lies outside the stated set, signed like `absolute` (negative when the figures give less), 0 when they overlap: the part rounding cannot explain.',
    }),
    text: Type.String({ description: 'Human form, e.g. "+17,5 pp (+51,5 % relative)".' }),
  },
  closed,
);

const Diagnosis = Type.Object(
  {
    implied: Type.Array(
      Type.Object(
        { figure: Type.String(), written: Type.Optional(Type.String()), needed: Type.String(), message: Type.String() },
        { ...closed, description: 'The value one input figure would need for the claim to hold.' },
      ),
    ),
    slips: Type.Array(
      Type.Object(
        {
          kind: Type.Union([
            Type.Literal('scale'),
            Type.Literal('digits'),
            Type.Literal('wrong-base'),
            Type.Literal('percent-vs-points'),
            Type.Literal('truncation'),
            Type.Literal('ratio-vs-change'),
          ]),
          message: Type.String(),
        },
        { ...closed, description: 'A likely slip that explains the stated value, tested, not guessed.' },
      ),
    ),
    materiality: Type.Object(
      {
        material: Type.Boolean(),
        reasons: Type.Array(Type.String()),
        tests: Type.Array(
          Type.Union([Type.Literal('direction'), Type.Literal('target'), Type.Literal('ordering'), Type.Literal('relative-size'), Type.Literal('point-size')]),
          { description: 'Which tests made it material, in the order of `reasons`.' },
        ),
      },
      closed,
    ),
    cutShort: Type.Optional(Type.String({ description: 'The diagnosis ran out of its budget: what it lists holds, but the list may be incomplete.' })),
  },
  { ...closed, description: 'For findings: what would make the claim hold, which slip explains it, whether it matters.' },
);

const Waiver = Type.Object(
  {
    reason: Type.String(),
    reviewer: Type.String(),
    expires: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'ISO date after which the waiver no longer applies.' }),
    declared: Position,
  },
  { ...closed, description: 'A reviewed, accepted finding: shown and counted, but it does not fail the run.' },
);

const RuleResult = Type.Object(
  {
    id: Type.String(),
    kind: Type.Union([Type.Literal('claim'), Type.Literal('assert')]),
    severity: Severity,
    verdict: Verdict,
    level: Type.Optional(
      Type.Union([Type.Literal('error'), Type.Literal('warning'), Type.Literal('info'), Type.Literal('none')], {
        description: 'The level the result carries in every format: a fail or error keeps the rule’s severity, a warn is at most a warning, an unverifiable claim is info, a pass none.',
      }),
    ),
    message: Type.String({ description: 'One sentence saying why the verdict follows.' }),
    declared: Position,
    document: Type.Optional(Type.String()),
    quote: Type.Optional(Type.String()),
    anchor: Type.Optional(
      Type.Object(
        { line: Int1, col: Int1, start: Offset, end: Offset },
        { ...closed, description: 'Where the quote sits in the document: line/col and [start, end) offsets into its NFC text.' },
      ),
    ),
    expr: Type.String(),
    reading: Type.Optional(Reading),
    stated: Type.Optional(
      Type.Object(
        { text: Type.String({ description: 'As written.' }), set: Type.String({ description: 'The values it admits under the reading.' }), value: ReportedNumber,
          hedge: Type.Optional(Type.String({ description: 'The hedge of the text the reading was taken from ("hơn", "khoảng", "at least", "trở lên").' })),
          hedgePosition: Type.Optional(
            Type.Union([Type.Literal('before'), Type.Literal('after')], { description: 'Where the hedge stands: before the number ("hơn 50%") or after it ("60% trở lên").' }),
          ),
          start: Type.Optional(Type.Integer({ minimum: 0, description: 'Where the stated number starts in the document (offset into its NFC text).' })),
          end: Type.Optional(Type.Integer({ minimum: 0, description: 'Where the stated number ends in the document (exclusive).' })),
        },
        closed,
      ),
    ),
    computed: Type.Optional(ReportedInterval),
    difference: Type.Optional(Difference),
    figures: Type.Array(
      Type.Object(
        {
          id: Type.String(),
          written: Type.Optional(Type.String()),
          interval: Type.Optional(
            Type.String({ description: 'As read; for a derived figure its range over the base figures, for an implied one the values its claims imply.' }),
          ),
          unknown: Type.Optional(Type.Boolean()),
          derived: Type.Optional(Type.String({ description: 'A derived figure: its definition (an expression over other figures).' })),
          restsOn: Type.Optional(
            Type.Array(Type.String(), { description: 'The base figures a derived figure rests on; for an implied figure, the other figures of the claims implying it.' }),
          ),
          impliedBy: Type.Optional(Type.Array(Type.String(), { description: 'The claims (rule ids) that imply this unknown figure.' })),
          items: Type.Optional(Type.Array(Type.String(), { description: 'A counted list: the items counted, as quoted.' })),
        },
        { ...closed, description: 'A figure used, as written and as read.' },
      ),
    ),
    missing: Type.Optional(Type.Array(Type.String(), { description: 'Figures that are missing or unknown.' })),
    note: Type.Optional(Type.String()),
    tags: Type.Array(Type.String()),
    warning: Type.Optional(
      Type.Object(
        { kind: Type.Union([Type.Literal('truncation'), Type.Literal('trailing-zeros'), Type.Literal('undecided')]), message: Type.String() },
        { ...closed, description: 'Why a `warn`: the looser reading it holds under, or that it could not be decided within its budget.' },
      ),
    ),
    witness: Type.Optional(
      Type.Record(Type.String(), Type.String(), {
        description: 'Figure id → a value inside its interval, written in the document’s style, at which the rule holds (checked exactly).',
      }),
    ),
    witnessAtWritten: Type.Optional(Type.Boolean({ description: 'The witness is the figures’ written values.' })),
    proof: Type.Optional(
      Type.Object(
        {
          kind: Type.Union([Type.Literal('witness'), Type.Literal('enclosure'), Type.Literal('none')]),
          evaluations: Count,
          budget: Count,
          reason: Type.Optional(Type.String()),
        },
        { ...closed, description: 'How the verdict was proven: a witness (pass), an enclosure of the whole box missing the stated set (fail), or none within the budget.' },
      ),
    ),
    diagnosis: Type.Optional(Diagnosis),
    waiver: Type.Optional(Waiver),
    implied: Type.Optional(
      Type.Object(
        {
          figure: Type.String({ description: 'The unknown figure the claims imply.' }),
          values: Type.String({ description: 'Its values: those this claim implies, or (an agreement check) those every claim implies; "none" when there are none.' }),
          claims: Type.Array(
            Type.Object(
              {
                rule: Type.String(),
                quote: Type.String(),
                line: Type.Integer({ minimum: 1 }),
                col: Type.Integer({ minimum: 1 }),
                start: Type.Integer({ minimum: 0, description: 'Where the sentence starts in the document (offset into its NFC text).' }),
                end: Type.Integer({ minimum: 0 }),
                values: Type.String({ description: 'The values this claim implies.' }),
              },
              closed,
            ),
            { description: 'Every claim implying the figure.' },
          ),
          usedBy: Type.Array(Type.String(), { description: 'The rules that use the implied values.' }),
        },
        { ...closed, description: 'A claim that implies an unknown figure (`implies:`), or the check that the claims implying one agree.' },
      ),
    ),
  },
  { ...closed, description: 'The outcome of one rule.' },
);

const CoveredNumber = Type.Object(
  {
    text: Type.String(),
    kind: NumberKind,
    start: Offset,
    end: Offset,
    line: Int1,
    col: Int1,
    status: Type.Union([Type.Literal('covered'), Type.Literal('ignored'), Type.Literal('uncovered')]),
    by: Type.Optional(Type.Array(Type.String(), { description: 'Rule and figure ids that account for it.' })),
    reason: Type.Optional(Type.String({ description: 'Why an ignored number is not a claim.' })),
    classified: Type.Optional(Type.Boolean({ description: 'Ignored by its class alone (year, date, label …), with no ignore entry.' })),
    problem: Type.Optional(Type.String({ description: 'For a malformed numeral: what is wrong with it.' })),
  },
  closed,
);

export const JsonReport = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    tool: Type.Object({ name: Type.Literal('tally'), version: Type.String() }, closed),
    inputs: Type.Array(
      Type.Object(
        {
          path: Type.String(),
          sha256: Sha256,
          role: Type.Union([Type.Literal('document'), Type.Literal('figures'), Type.Literal('rules')]),
        },
        closed,
      ),
      { description: 'Every file the audit read, with its hash: the report is reproducible from them.' },
    ),
    documents: Type.Array(Type.Object({ path: Type.String(), sha256: Sha256, locale: Locale }, closed)),
    results: Type.Array(RuleResult),
    diagnostics: Type.Array(Diagnostic),
    coverage: Type.Array(
      Type.Object(
        {
          path: Type.String(),
          total: Count,
          covered: Count,
          ignored: Count,
          uncovered: Count,
          classified: Type.Optional(Type.Integer({ minimum: 0, description: 'How many of the ignored numbers are accounted for by their class alone.' })),
          classes: Type.Optional(Type.Record(Type.String(), Count, { description: 'How many numbers of each kind (quantity, range, year, date, label …).' })),
          numbers: Type.Array(CoveredNumber),
        },
        { ...closed, description: 'Every number of a document: covered by a rule, ignored with a reason, or uncovered.' },
      ),
    ),
    summary: Type.Object(
      {
        total: Count,
        byVerdict: Type.Object({ pass: Count, fail: Count, warn: Count, unverifiable: Count, error: Count }, closed),
        bySeverity: Type.Object({ error: Count, warning: Count, info: Count }, { ...closed, description: 'Findings (non-pass) by the severity they carry.' }),
        waived: Type.Integer({ minimum: 0, description: 'Findings accepted by a waiver: also counted by verdict and severity, but they do not fail the run.' }),
      },
      closed,
    ),
  },
  { ...closed, $id: 'https://unpkg.com/tally/reports/report.schema.json', title: 'tally JSON report', description: 'The result of `tally audit --format json`.' },
);
export type JsonReport = Static<typeof JsonReport>;

/** The report schemas to publish under schema/ (the lead merges this into `schemas`). */
export const reportSchemas: Record<string, TSchema> = {
  'report.schema.json': JsonReport,
};
