// Bundles the CLI, the library and the parallel audit's worker with esbuild: one file each, all dependencies inlined, so
// the command starts fast and needs nothing but Node at run time.
import { build } from 'esbuild';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { rm } from 'node:fs/promises';
import { escapeRegexLiterals } from './ascii.mjs';

const shared = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: false,
  legalComments: 'none',
  // Templates written as strings and calls (a tagged template's strings and raw strings as
  // literals), which esbuild writes in ASCII, like every string: with the regular expressions
  // (ascii.mjs) the bundles are ASCII, which Node keeps as one byte a character (×0.97 of the
  // bundled audit's time; 10 000 claims as fast).
  supported: { 'template-literal': false },
  // Start-up is the performance users feel: a minified bundle parses in half the time.
  minify: true,
  // No keepNames: it wraps every closure in a defineProperty call as it is created (7 % of a large
  // audit's time). Our error classes name themselves; stack traces of a minified bundle are for us.
  keepNames: false,
  logLevel: 'warning',
  // CommonJS dependencies bundled into ESM still call require() for Node built-ins.
  banner: { js: "import { createRequire as __tallyRequire } from 'node:module'; const require = __tallyRequire(import.meta.url);" },
};

// The schema validators are code written from the schemas (src/dev/validators.ts), before the
// bundles that include them. The test run builds with --keep-generated: it leaves the committed
// file as it is, for test/load/validators-generated.test.ts to say whether it is stale.
if (!process.argv.includes('--keep-generated')) {
  const generator = await build({ ...shared, entryPoints: ['src/dev/validators.ts'], minify: false, write: false });
  const dir = mkdtempSync(join(tmpdir(), 'tally-build-'));
  try {
    writeFileSync(join(dir, 'validators.mjs'), generator.outputFiles[0].text);
    const { generateValidators } = await import(pathToFileURL(join(dir, 'validators.mjs')).href);
    // Written only when changed: an unchanged file keeps its time stamp.
    for (const [file, text] of Object.entries(generateValidators())) {
      if (!existsSync(file) || readFileSync(file, 'utf8') !== text) writeFileSync(file, text);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await rm('dist', { recursive: true, force: true });

// The CLI is CommonJS scripts that src/cli/engine-loader.ts compiles with a V8 code cache
// (src/cli/code-cache.ts), which only a script can have in Node 20; a content hash names each
// one's cache. dist/tally.cjs answers `--version` alone and loads dist/tally-program.cjs (the
// commands' flags) for everything else; a command then loads its engine: dist/tally-engine.cjs
// (audit, coverage, explain) or dist/tally-draft.cjs. `--help` loads no engine.
async function script(entry, file, options = {}) {
  const built = await build({
    ...shared,
    entryPoints: [entry],
    outfile: `dist/${file}`,
    format: 'cjs',
    write: false,
    // A script has no import.meta: its URL comes from the __filename Node's wrapper gives it.
    define: { 'import.meta.url': '__tallyScriptUrl', ...options.define },
    // Strict, as the modules it is built from are (and the library's ESM bundle is): the banner
    // comes before esbuild's own "use strict", which is then no longer the script's directive.
    banner: { js: `${options.shebang ? '#!/usr/bin/env node\n' : ''}'use strict'; var __tallyScriptUrl = require('node:url').pathToFileURL(__filename).href;` },
    plugins: options.plugins ?? [],
  });
  const text = escapeRegexLiterals(built.outputFiles[0].text, 'script');
  mkdirSync('dist', { recursive: true });
  writeFileSync(`dist/${file}`, text);
  return { file, hash: createHash('sha256').update(text).digest('hex').slice(0, 16) };
}
// The engines' usage-error module is the program's own, not a copy (SHARED_MODULES).
const shareUsageError = { name: 'shared', setup: (b) => b.onResolve({ filter: /\/usage-error\.js$/ }, () => ({ path: 'tally:usage-error', external: true })) };
const engines = {
  audit: await script('src/cli/engine.ts', 'tally-engine.cjs', { plugins: [shareUsageError] }),
  draft: await script('src/cli/draft-run.ts', 'tally-draft.cjs', { plugins: [shareUsageError] }),
};
// commander requires child_process when it loads, for subcommands that are programs of their
// own, which tally has none of; Node takes 3 ms to load it (with net and dgram). It is loaded when
// first used instead.
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, () => ({ path: 'child_process', namespace: 'lazy' }));
    b.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({
      contents: "const name = 'node:child_process';\nmodule.exports = new Proxy({}, { get: (_, key) => require(name)[key] });\n",
      loader: 'js',
    }));
  },
};
const program = await script('src/cli/program.ts', 'tally-program.cjs', { define: { TALLY_ENGINES: JSON.stringify(JSON.stringify(engines)) }, plugins: [lazyChildProcess] });
// The executable is a script too, loaded by Node's CommonJS loader: an ES module as the entry
// point costs Node its ES module loader, 6 ms of every run (`--version` included). The engine
// loader is bundled into it.
await script('src/cli/main.ts', 'tally.cjs', { define: { TALLY_ENGINES: JSON.stringify(JSON.stringify({ program })) }, shebang: true });
/** An ES module bundle, its regular expressions in ASCII as the scripts' (ascii.mjs). */
async function esModule(entry, file) {
  const built = await build({ ...shared, entryPoints: [entry], outfile: `dist/${file}`, write: false });
  writeFileSync(`dist/${file}`, escapeRegexLiterals(built.outputFiles[0].text, 'module'));
}
await esModule('src/index.ts', 'index.js');
// The worker thread of a parallel audit, found beside whichever bundle starts it (src/parallel/).
await esModule('src/parallel/worker.ts', 'worker.js');
chmodSync('dist/tally.cjs', 0o755);

// The library's type declarations (dist/types), so `import { audit } from 'tally'` is typed.
const { execFileSync } = await import('node:child_process');
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'src/dev/tsconfig.types.json'], { stdio: 'inherit' });

// The published JSON Schemas (for editors, via `# yaml-language-server: $schema=…`) are written
// from the same TypeBox declarations the loader validates with, so they cannot drift.
// Input formats go next to the rules (rules/schema/), the report's format next to the reports.
const { schemas } = await import(`../../dist/index.js?${Date.now()}`);
for (const [name, schema] of Object.entries(schemas)) {
  const dir = name.startsWith('report') ? 'reports' : 'rules/schema';
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/${name}`, `${JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema#', ...schema }, null, 2)}\n`);
}
