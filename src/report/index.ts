/**
 * The output formats, by name. Adding a format = one file exporting a Reporter + one line here.
 */
import { consoleReporter } from './console.js';
import { githubReporter } from './github.js';
import { htmlReporter } from './html/index.js';
import { jsonReporter } from './json.js';
import { junitReporter } from './junit.js';
import { markdownReporter } from './markdown.js';
import type { Reporter } from './reporter.js';
import { sarifReporter } from './sarif.js';

export type { Reporter, RenderOptions } from './reporter.js';

export const reporters: ReadonlyMap<string, Reporter> = new Map(
  [consoleReporter, jsonReporter, markdownReporter, htmlReporter, junitReporter, sarifReporter, githubReporter].map((r) => [r.name, r]),
);
