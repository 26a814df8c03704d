/** The messages between a parallel audit and its workers (structured-cloned: plain data only). */
import type { JudgedRuleSets } from '../judge/assemble.js';
import type { GroupTask } from './judge-group.js';

export interface WorkerRequest {
  /** Which group of the audit this is. */
  index: number;
  task: GroupTask;
}

export type WorkerReply =
  | { index: number; judged: JudgedRuleSets; error?: undefined }
  | { index: number; error: { name: string; message: string; stack?: string } };
