/** A figure declaration as the builder sees it, whether it came from YAML or from a CSV row. */
import type { AuditedDocument, Locale, Position } from '../model.js';

export interface FigureContext {
  document?: AuditedDocument;
  locale: Locale;
  /** The document could not be loaded (already reported): quote figures fail silently-but-reported once. */
  documentMissing: boolean;
}

/** A figure declaration, from YAML or from a CSV row, with a way to place each field. */
export interface FigureInput {
  id: string;
  declared: Position;
  /** The declaring file's text, for code frames. */
  source?: string;
  fields: {
    quote?: unknown;
    number?: unknown;
    occurrence?: unknown;
    value?: unknown;
    cite?: unknown;
    unknown?: unknown;
    exact?: unknown;
    precision?: unknown;
    unit?: unknown;
    description?: unknown;
    expr?: unknown;
    count?: unknown;
  };
  at(field: string): Position;
  /** Where a value deeper in the declaration is (an item of `count`), when the source can say. */
  atPath?(path: readonly (string | number)[]): Position;
  /** The literal text of a YAML scalar (to read `value: 1905.50` with its trailing zero). */
  literal?(field: string): string | undefined;
}
