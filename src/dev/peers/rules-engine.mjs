// json-rules-engine: one rule per check, a fact computing the rounded growth, an equality condition.
import { readFileSync } from 'node:fs';
import { Engine } from 'json-rules-engine';

const checks = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const engine = new Engine([], { allowUndefinedFacts: true });
engine.addFact('growth', async (params, almanac) => {
  const c = await almanac.factValue(params.id);
  const f = 10 ** c.decimals;
  return Math.round((c.current / c.base - 1) * 100 * f) / f;
});
const facts = {};
for (const c of checks) {
  facts[c.id] = c;
  engine.addRule({
    name: c.id,
    conditions: { all: [{ fact: 'growth', params: { id: c.id }, operator: 'equal', value: c.stated }] },
    event: { type: 'holds' },
  });
}
const { events } = await engine.run(facts);
process.stdout.write(`${events.length}/${checks.length}\n`);
