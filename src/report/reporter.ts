/** The contract every output format fulfils: turn an AuditResult into text, nothing else. */
import type { AuditResult } from '../model.js';

export interface RenderOptions {
  /** Colour escapes allowed (console only). */
  color: boolean;
}

export interface Reporter {
  name: string;
  /** File name written under --out; formats without one go to stdout only. */
  fileName?: string;
  render(audit: AuditResult, options: RenderOptions): string;
}
