/**
 * The audited document: read once, hashed, NFC-normalised, with line:col positions of its
 * offsets. Quotes are found in it by find-quote.ts, the numbers of a quote picked out by
 * select-number.ts.
 */
import { createHash } from 'node:crypto';
import type { AuditedDocument, Locale } from '../model.js';
import { lineColOf, lineStartsOf } from './lines.js';
import { DEFAULT_MAX_DOCUMENT_BYTES } from './policy.js';
import { decodeUtf8, readInput } from './read-input.js';

/** Thrown by loadDocument when the file cannot be read, is too large or is not UTF-8. */
export class DocumentLoadError extends Error {
  constructor(
    message: string,
    readonly code: 'file-not-found' | 'file-unreadable' | 'file-too-large' | 'file-encoding',
    readonly path: string,
    /** Where in the document the problem is (the first bad byte of an encoding error). */
    readonly at?: { line: number; col: number },
  ) {
    super(message);
    this.name = 'DocumentLoadError';
  }
}

/**
 * Read a document of at most `maxBytes` (default 10 MiB): SHA-256 of the bytes as read, UTF-8
 * decoded (BOM dropped), line endings normalised to \n, then NFC. Positions of the pipeline
 * refer to this text. Throws DocumentLoadError.
 */
export function loadDocument(path: string, locale: Locale, maxBytes = DEFAULT_MAX_DOCUMENT_BYTES): AuditedDocument {
  const read = readInput(path, maxBytes, 'document', '--max-document-size');
  if (!read.ok) throw new DocumentLoadError(read.message, read.code, path);
  const sha256 = createHash('sha256').update(read.bytes).digest('hex');
  const decoded = decodeUtf8(read.bytes, path, 'document');
  if (!decoded.ok) throw new DocumentLoadError(decoded.message, 'file-encoding', path, { line: decoded.line, col: decoded.col });
  return { path, text: normaliseText(decoded.text), locale, sha256 };
}

/** CRLF and lone CR to LF, then NFC. */
export function normaliseText(text: string): string {
  return text.replace(/\r\n?/g, '\n').normalize('NFC');
}

const lineStartsCache = new WeakMap<AuditedDocument, { text: string; starts: number[] }>();

function lineStarts(doc: AuditedDocument): number[] {
  const hit = lineStartsCache.get(doc);
  if (hit && hit.text === doc.text) return hit.starts;
  const starts = lineStartsOf(doc.text);
  lineStartsCache.set(doc, { text: doc.text, starts });
  return starts;
}

/** 1-based line and column (UTF-16 units) of an offset into the document's NFC text. */
export function positionOf(doc: AuditedDocument, offset: number): { line: number; col: number } {
  return lineColOf(lineStarts(doc), offset, doc.text.length);
}
