/**
 * The load cache, and the stat signatures by which a cached file is known to be unchanged.
 */
import { normalize } from 'node:path';
import { inputFiles } from './files.js';
import type { AuditedDocument, Locale } from '../model.js';
import { DocumentLoadError, loadDocument } from './document.js';
import type { ParsedFigureFile } from './figure-header.js';
import type { FigureFileResult } from './figures.js';
import { DEFAULT_MAX_DOCUMENT_BYTES } from './policy.js';
import { releaseQuoteIndexes } from './quote-index.js';

/**
 * Shared between loads so a figure file (or document) used by several rule files is read once.
 * Every entry remembers its file's stat signature (mtime, size, inode) and is re-read when the
 * file changed, so a long-lived process never sees stale figures.
 */
export interface LoadCache {
  parsed: Map<string, ParsedFigureFile>;
  figureFiles: Map<string, { stamp: string; result: FigureFileResult; tableSigs: [string, string][] }>;
  documents: Map<string, { sig: string; doc: AuditedDocument | DocumentLoadError }>;
}

export function createLoadCache(): LoadCache {
  return { parsed: new Map(), figureFiles: new Map(), documents: new Map() };
}

/** The cache used when none is passed. */
export const defaultLoadCache: LoadCache = createLoadCache();

/** Forget everything the default cache holds. */
export function clearLoadCache(cache: LoadCache = defaultLoadCache): void {
  cache.parsed.clear();
  cache.figureFiles.clear();
  cache.documents.clear();
}

/**
 * What only loading needs, let go once a load is done: the parsed figure files (their YAML values
 * and node positions) and the quote indexes. The loaded figures and documents stay cached. A
 * one-shot audit of 100 000 claims holds hundreds of MiB less while its rules are judged.
 */
export function releaseLoadScratch(cache: LoadCache = defaultLoadCache): void {
  cache.parsed.clear();
  releaseQuoteIndexes();
}

/** A cheap "has this file changed" signature. */
export function statSignature(path: string): string {
  return inputFiles().signature(path);
}

/** A document through the cache; a load failure is cached too (and returned, not thrown). */
export function cachedDocument(cache: LoadCache, path: string, locale: Locale, maxBytes = DEFAULT_MAX_DOCUMENT_BYTES): AuditedDocument | DocumentLoadError {
  const key = `${normalize(path)}\0${locale}\0${maxBytes}`;
  const sig = statSignature(path);
  const hit = cache.documents.get(key);
  if (hit && hit.sig === sig) return hit.doc;
  let doc: AuditedDocument | DocumentLoadError;
  try {
    doc = loadDocument(path, locale, maxBytes);
  } catch (e) {
    if (!(e instanceof DocumentLoadError)) throw e;
    doc = e;
  }
  cache.documents.set(key, { sig, doc });
  return doc;
}
