/**
 * Figure tables: a CSV file whose rows declare figures (one per row, the columns being the
 * fields of a YAML figure), each field placed at its line and column for diagnostics.
 */
import { createHash } from 'node:crypto';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Diagnostic, Figure, Position } from '../model.js';
import { didYouMean } from '../suggest.js';
import { makeDiagnostic } from './diagnostics.js';
import { buildFigure, type FigureContext, type FigureInput } from './figure-build.js';
import { DEFAULT_MAX_YAML_BYTES } from './policy.js';
import { decodeUtf8, readInput } from './read-input.js';

const sha256Of = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/** The columns a figure table may have: the id and the fields of a YAML figure. */
export const TABLE_COLUMNS = [
  'id',
  'value',
  'quote',
  'number',
  'occurrence',
  'unit',
  'exact',
  'precision',
  'cite',
  'description',
  'unknown',
] as const;

interface CsvRecordPlace {
  line: number;
  fields: { line: number; col: number }[];
}

/**
 * Where each record and field of a CSV text starts (the text has \n line ends). Empty lines are
 * skipped, as csv-parse's skip_empty_lines does, so records line up with its output.
 */
function csvPlaces(text: string): CsvRecordPlace[] {
  const out: CsvRecordPlace[] = [];
  let line = 1;
  let col = 1;
  let i = 0;
  while (i < text.length) {
    if (text[i] === '\n') {
      i++;
      line++;
      col = 1;
      continue;
    }
    const rec: CsvRecordPlace = { line, fields: [{ line, col }] };
    let quoted = false;
    while (i < text.length) {
      const ch = text[i]!;
      if (quoted) {
        if (ch === '"' && text[i + 1] === '"') {
          i += 2;
          col += 2;
          continue;
        }
        if (ch === '"') quoted = false;
        if (ch === '\n') {
          line++;
          col = 1;
        } else col++;
        i++;
        continue;
      }
      if (ch === '"') {
        quoted = true;
        i++;
        col++;
        continue;
      }
      if (ch === ',') {
        i++;
        col++;
        rec.fields.push({ line, col });
        continue;
      }
      if (ch === '\n') break;
      i++;
      col++;
    }
    out.push(rec);
  }
  return out;
}

const TRUE = new Set(['true', 'yes', 'y', '1', 'x']);
const FALSE = new Set(['false', 'no', 'n', '0']);

/**
 * The figures of a CSV table of at most `maxBytes`; `from` places problems with the file at its
 * mention in a YAML file.
 */
export function loadTable(
  path: string,
  ctx: FigureContext,
  from?: { position: Position; source: string },
  maxBytes = DEFAULT_MAX_YAML_BYTES,
): { figures: Figure[]; diagnostics: Diagnostic[]; sha256: string } {
  const diagnostics: Diagnostic[] = [];
  const figures: Figure[] = [];
  const read = readInput(path, maxBytes, 'figure table', '--max-yaml-size');
  if (!read.ok) {
    diagnostics.push(
      makeDiagnostic({ code: read.code, message: read.message, position: from?.position ?? { file: path, line: 1, col: 1 }, source: from?.source }),
    );
    return { figures, diagnostics, sha256: '' };
  }
  const sha256 = sha256Of(read.bytes);
  const decoded = decodeUtf8(read.bytes, path, 'figure table');
  if (!decoded.ok) {
    diagnostics.push(makeDiagnostic({ code: 'file-encoding', message: decoded.message, position: { file: path, line: decoded.line, col: decoded.col } }));
    return { figures, diagnostics, sha256 };
  }
  const text = decoded.text.replace(/\r\n?/g, '\n');
  const pos = (line: number, col: number): Position => ({ file: path, line, col });

  let records: Record<string, string>[];
  let columns: string[] = [];
  try {
    records = parseCsv(text, {
      // `columns: true`, keeping the header's names (trimmed) to check them below.
      columns: (head: string[]) => (columns = head.map((c) => String(c).trim())),
      skip_empty_lines: true,
      relax_column_count: true,
    }) as Record<string, string>[];
  } catch (e) {
    const err = e as Error & { lines?: number };
    diagnostics.push(
      makeDiagnostic({ code: 'csv-syntax', message: `cannot parse CSV: ${err.message}`, position: pos(err.lines ?? 1, 1), source: text }),
    );
    return { figures, diagnostics, sha256 };
  }
  const places = csvPlaces(text);
  const header = places[0];
  const known = new Set<string>(TABLE_COLUMNS);
  let headerOk = true;
  columns.forEach((c, i) => {
    if (known.has(c)) return;
    const where = header?.fields[i] ?? { line: 1, col: 1 };
    diagnostics.push(
      makeDiagnostic({
        code: 'unknown-key',
        message: `unknown column "${c}" in figure table`,
        position: pos(where.line, where.col),
        source: text,
        suggestions: didYouMean(c, TABLE_COLUMNS),
      }),
    );
    headerOk = false;
  });
  if (!columns.includes('id')) {
    diagnostics.push(makeDiagnostic({ code: 'missing-key', message: 'the figure table has no "id" column', position: pos(1, 1), source: text }));
    headerOk = false;
  }
  if (!headerOk) return { figures, diagnostics, sha256 };

  records.forEach((rec, r) => {
    const place = places[r + 1];
    const line = place?.line ?? 1;
    const fieldAt = (name: string): Position => {
      const i = columns.indexOf(name);
      const f = place?.fields[i];
      return f ? pos(f.line, f.col) : pos(line, 1);
    };
    if (place && place.fields.length !== columns.length) {
      diagnostics.push(
        makeDiagnostic({
          code: 'csv-row',
          message: `row has ${place.fields.length} fields but the header has ${columns.length}`,
          position: pos(line, 1),
          source: text,
        }),
      );
      return;
    }
    const cell = (name: string): string | undefined => {
      const raw = rec[name];
      if (raw === undefined) return undefined;
      const t = raw.trim();
      return t === '' ? undefined : t;
    };
    const id = cell('id') ?? '';
    const declared = fieldAt('id');
    const bad = (field: string, message: string) => {
      diagnostics.push(makeDiagnostic({ code: 'invalid-value', message, position: fieldAt(field), source: text }));
    };
    const bool = (field: string): boolean | undefined | null => {
      const v = cell(field);
      if (v === undefined) return undefined;
      const l = v.toLowerCase();
      if (TRUE.has(l)) return true;
      if (FALSE.has(l)) return false;
      bad(field, `"${field}" of figure "${id}" must be true or false, got "${v}"`);
      return null;
    };
    if (id === '') {
      diagnostics.push(makeDiagnostic({ code: 'missing-key', message: 'row has no figure id', position: declared, source: text }));
      return;
    }
    const exact = bool('exact');
    const unknown = bool('unknown');
    if (exact === null || unknown === null) return;
    let occurrence: number | undefined;
    const occ = cell('occurrence');
    if (occ !== undefined) {
      if (!/^\d+$/.test(occ) || Number(occ) < 1) {
        bad('occurrence', `"occurrence" of figure "${id}" must be a whole number from 1, got "${occ}"`);
        return;
      }
      occurrence = Number(occ);
    }
    const fields: FigureInput['fields'] = {
      quote: cell('quote'),
      number: cell('number'),
      occurrence,
      value: cell('value'),
      cite: cell('cite'),
      unknown,
      exact,
      precision: cell('precision'),
      unit: cell('unit'),
      description: cell('description'),
    };
    for (const k of Object.keys(fields) as (keyof typeof fields)[]) if (fields[k] === undefined) delete fields[k];
    const res = buildFigure({ id, declared, source: text, fields, at: fieldAt }, ctx);
    if ('figure' in res) figures.push(res.figure);
    diagnostics.push(...res.diagnostics);
  });
  return { figures, diagnostics, sha256 };
}
