/**
 * The audited document: read once, hashed, NFC-normalised, with line:col positions of its
 * offsets. Quotes are found in it by find-quote.ts, the numbers of a quote picked out by
 * select-number.ts.
 */
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import type { AuditedDocument, Locale } from '../model.js';

/** Thrown by loadDocument when the file cannot be read or is not UTF-8. */
export class DocumentLoadError extends Error {
  constructor(
    message: string,
    readonly code: 'file-not-found' | 'file-unreadable' | 'file-encoding',
    readonly path: string,
  ) {
    super(message);
    this.name = 'DocumentLoadError';
  }
}

/**
 * Read a document: SHA-256 of the bytes as read, UTF-8 decoded (BOM dropped), line endings
 * normalised to \n, then NFC. Positions of the pipeline refer to this text.
 * Throws DocumentLoadError.
 */
export function loadDocument(path: string, locale: Locale): AuditedDocument {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') throw new DocumentLoadError(`document not found: ${path}`, 'file-not-found', path);
    throw new DocumentLoadError(`cannot read document ${path}: ${err.message}`, 'file-unreadable', path);
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DocumentLoadError(`document ${path} is not valid UTF-8`, 'file-encoding', path);
  }
  return { path, text: normaliseText(text), locale, sha256 };
}

/** CRLF and lone CR to LF, then NFC. */
export function normaliseText(text: string): string {
  return text.replace(/\r\n?/g, '\n').normalize('NFC');
}

const lineStartsCache = new WeakMap<AuditedDocument, { text: string; starts: number[] }>();

function lineStarts(doc: AuditedDocument): number[] {
  const hit = lineStartsCache.get(doc);
  if (hit && hit.text === doc.text) return hit.starts;
  const starts = [0];
  for (let i = 0; i < doc.text.length; i++) if (doc.text.charCodeAt(i) === 10) starts.push(i + 1);
  lineStartsCache.set(doc, { text: doc.text, starts });
  return starts;
}

/** 1-based line and column (UTF-16 units) of an offset into the document's NFC text. */
export function positionOf(doc: AuditedDocument, offset: number): { line: number; col: number } {
  const starts = lineStarts(doc);
  const o = Math.max(0, Math.min(offset, doc.text.length));
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= o) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, col: o - starts[lo]! + 1 };
}
