/**
 * The messages between a parallel audit and its workers (structured-cloned: plain data only).
 *
 * Work is not handed out group by group: every worker is sent the whole list once, with a shared
 * array through which each thread claims the next group when it is free (an atomic counter). A
 * thread busy judging never keeps another waiting for work, and no group waits in a busy
 * thread's queue while another thread is idle.
 */
import type { JudgedRuleSets } from '../judge/assemble.js';
import type { GroupTask } from './judge-group.js';

/**
 * The shared state of a pool: `[next, ...judging]`. `next` is the position in `order` of the
 * next group to claim (Atomics.add); `judging[slot]` is 1 + the group the worker of that slot is
 * judging, 0 for none (so the pool can say which group a worker that died was on).
 */
export const NEXT = 0;
export const judgingSlot = (slot: number) => 1 + slot;

export interface WorkerRequest {
  tasks: readonly GroupTask[];
  /** The groups in the order they are claimed (biggest first). */
  order: readonly number[];
  /** Over a SharedArrayBuffer, laid out as above. */
  state: Int32Array;
  /** This worker's place in `state`. */
  slot: number;
}

/**
 * A group judged, a group that failed, or `done`: the worker found no group left to claim. The
 * pool resolves only once every worker has said done (or it fails): a worker that cannot start
 * or breaks is reported every time, not only when it happened to start before this thread had
 * judged every group.
 */
export type WorkerReply =
  | { index: number; judged: JudgedRuleSets; error?: undefined; done?: undefined }
  | { index: number; error: { name: string; message: string; stack?: string }; done?: undefined }
  | { done: true; index?: undefined; error?: undefined };

/** Claim the next group of `order`, or undefined when every group has been claimed. */
export function claimNext(state: Int32Array, order: readonly number[]): number | undefined {
  const k = Atomics.add(state, NEXT, 1);
  return k < order.length ? order[k] : undefined;
}
