/**
 * The output formats, by name. Adding a format = one file exporting a Reporter + one line here.
 */
import { consoleReporter } from './console.js';
import { jsonReporter } from './json.js';
import { markdownReporter } from './markdown.js';
import type { Reporter } from './reporter.js';

export type { Reporter, RenderOptions } from './reporter.js';

export const reporters: ReadonlyMap<string, Reporter> = new Map(
  [consoleReporter, jsonReporter, markdownReporter].map((r) => [r.name, r]),
);
