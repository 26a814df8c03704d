/** `tally init [dir]` (declared in init-command.ts): write the scaffold, never over a file. */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../load/usage-error.js';
import { scaffold } from '../init/scaffold.js';

/** The schemas of the running tally: rules/schema beside the dist folder of the bundle. */
function schemaFolder(): string | undefined {
  const beside = fileURLToPath(new URL('../rules/schema/', import.meta.url));
  return existsSync(beside) ? beside : undefined;
}

export function runInit(dir: string): void {
  const schemas = schemaFolder();
  const link = (file: string, schema: string) => {
    const name = `${schema}.schema.json`;
    // Relative to the file, so the project can move with the tally it uses; else the npm package's place.
    const target = schemas ? path.join(schemas, name) : path.resolve(dir, 'node_modules/tally/rules/schema', name);
    return path.relative(path.dirname(path.resolve(dir, file)), target).split(path.sep).join('/');
  };
  const files = scaffold(link);
  const existing = Object.keys(files).filter((f) => existsSync(path.join(dir, f)));
  if (existing.length) {
    throw new UsageError(`not overwriting ${existing.map((f) => path.join(dir, f)).join(', ')}: tally init writes only new files (nothing was written)`);
  }
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text, { flag: 'wx' });
  }
  const where = dir === '.' ? '' : ` in ${dir}`;
  process.stdout.write(`created${where}:\n${Object.keys(files).map((f) => `  ${f}`).join('\n')}\nnext: ${dir === '.' ? '' : `cd ${dir} && `}tally audit\n`);
}
