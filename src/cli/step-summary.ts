/**
 * With the github format, a run inside GitHub Actions also appends the Markdown summary of every
 * finding (src/report/step-summary.ts) to the file GITHUB_STEP_SUMMARY names. Appended, as
 * GitHub expects: other tools of the same step may write there too.
 */
import fs from 'node:fs';
import { UsageError } from '../load/index.js';
import type { AuditResult } from '../model.js';
import { renderStepSummary } from '../report/step-summary.js';

export function appendStepSummary(result: AuditResult): void {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (!file) return;
  try {
    fs.appendFileSync(file, renderStepSummary(result));
  } catch (error) {
    throw new UsageError(`cannot write the step summary to GITHUB_STEP_SUMMARY (${file}): ${(error as Error).message}`);
  }
}
