/** The contract every output format fulfils: turn an AuditResult into text, nothing else. */
import type { FailOn } from '../judge/outcome.js';
import type { AuditResult } from '../model.js';

export interface RenderOptions {
  /** Colour escapes allowed (console only). */
  color: boolean;
  /** The run's --fail-on threshold (default `error`): formats that mark failures (JUnit) follow it. */
  failOn?: FailOn;
}

export interface Reporter {
  name: string;
  /** File name written under --out; formats without one go to stdout only. */
  fileName?: string;
  render(audit: AuditResult, options: RenderOptions): string;
  /**
   * The same text as `render`, in pieces to write one after another (formats whose reports grow
   * with the audit: a file of 100 000 results is never one string in memory).
   */
  pieces?(audit: AuditResult, options: RenderOptions): Iterable<string>;
}
