// Plain mathjs: each check an expression string compiled and evaluated with its scope.
import { readFileSync } from 'node:fs';
import { compile } from 'mathjs';

const checks = JSON.parse(readFileSync(process.argv[2], 'utf8'));
let passed = 0;
for (const c of checks) {
  const value = compile('round((current / base - 1) * 100, decimals) == stated').evaluate({ ...c });
  if (value) passed++;
}
process.stdout.write(`${passed}/${checks.length}\n`);
