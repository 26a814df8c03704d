/**
 * Flags every command that reads rule files shares: which folders outside the project root may
 * be read (`--allow-outside`) and how large an input may be (`--max-document-size`,
 * `--max-yaml-size`). They map one to one onto the library's AuditOptions (flags.ts).
 */
import { statSync } from 'node:fs';
import { Option } from 'commander';
import { parseBytes } from '../load/policy.js';
import { UsageError } from '../load/usage-error.js';

function size(flag: string) {
  return (value: string): number => {
    const bytes = parseBytes(value);
    if (bytes === undefined) throw new UsageError(`${flag} must be a size like 10MiB, 512KiB or 2048 (bytes), got "${value}"`);
    return bytes;
  };
}

function existingPath(value: string, previous: string[] | undefined): string[] {
  try {
    statSync(value);
  } catch {
    throw new UsageError(`--allow-outside: no such file or folder: ${value}`);
  }
  return [...(previous ?? []), value];
}

/** `--allow-outside <path>` (repeatable). */
export function allowOutsideOption(): Option {
  return new Option('--allow-outside <path>', 'let rule and figure files name files in this folder outside the project root (repeatable)').argParser(existingPath);
}

/** `--max-document-size <size>`. */
export function maxDocumentSizeOption(): Option {
  return new Option('--max-document-size <size>', 'largest document read (default 10MiB)').argParser(size('--max-document-size'));
}

/** `--max-yaml-size <size>`. */
export function maxYamlSizeOption(): Option {
  return new Option('--max-yaml-size <size>', 'largest rule, figure, waiver or CSV file read (default 2MiB)').argParser(size('--max-yaml-size'));
}
