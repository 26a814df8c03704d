/** Colour only for a terminal, and never when NO_COLOR is set (https://no-color.org). */
import type { WriteStream } from 'node:tty';

export function useColor(stream: NodeJS.WriteStream | WriteStream): boolean {
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY);
}
