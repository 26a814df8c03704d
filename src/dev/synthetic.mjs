// Synthetic audits for the benchmark: one Vietnamese sentence per region stating a level, its change
// in money and in percent against the year before, and its share of the region's total: three claims
// per sentence (a difference, a growth rate, a share), the shape of a statistical report.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const vi = (x, digits) => x.toLocaleString('de-DE', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/**
 * Writes doc.txt, figures.yaml and rules.yaml for `claims` claims into `dir`. Every `wrongEvery`-th
 * sentence (0: none) states a growth rate 3 points off, a finding the judge must diagnose.
 * `form` writes the growth claim's expression (growth(a, b) names each figure once); `only: 'growth'`
 * keeps the growth claims alone (one per sentence), the check the peers of the benchmark run.
 * `idPrefix` keeps rule ids unique when several audits are run together (ids are unique per run).
 */
export function regionAudit(dir, claims, { wrongEvery = 0, form = (a, b) => `growth(${a}, ${b})`, only, idPrefix = '' } = {}) {
  mkdirSync(dir, { recursive: true });
  const regions = only ? claims : Math.ceil(claims / 3);
  const sentences = [];
  const figures = [];
  const rules = [];
  for (let i = 0; i < regions; i++) {
    const level = 1000 + ((i * 7919) % 90000) / 10;
    const base = level / (1.05 + (i % 17) / 100);
    const baseText = vi(base, 1);
    const baseValue = Number(baseText.replace(/\./g, '').replace(',', '.'));
    const total = Math.round(level * (20 + (i % 13)));
    const wrong = wrongEvery > 0 && i % wrongEvery === 0;
    const growth = vi((level / baseValue - 1) * 100 + (wrong ? 3 : 0), 1);
    const change = vi(level - baseValue, 1);
    const share = vi((level / total) * 100, 2);
    const head = `Vùng ${i}: doanh thu năm 2024 đạt ${vi(level, 1)} tỷ đồng`;
    sentences.push(`${head}, tăng ${change} tỷ đồng (${growth}%) so với năm 2023 (${baseText} tỷ đồng), chiếm ${share}% tổng doanh thu của khu vực (${vi(total, 0)} tỷ đồng).`);
    figures.push(`  level_${i}: { quote: "${head}", number: "${vi(level, 1)} tỷ đồng" }`);
    figures.push(`  base_${i}: { quote: "${head}, tăng ${change} tỷ đồng (${growth}%) so với năm 2023 (${baseText} tỷ đồng)", number: "${baseText} tỷ đồng" }`);
    if (!only) figures.push(`  total_${i}: { quote: "${head}, tăng ${change} tỷ đồng (${growth}%) so với năm 2023 (${baseText} tỷ đồng), chiếm ${share}% tổng doanh thu của khu vực (${vi(total, 0)} tỷ đồng)", number: "${vi(total, 0)} tỷ đồng" }`);
    if (!only) rules.push(`  - id: ${idPrefix}change-${i}\n    quote: "${head}, tăng ${change} tỷ đồng"\n    number: "${change} tỷ đồng"\n    expr: level_${i} - base_${i}`);
    rules.push(`  - id: ${idPrefix}growth-${i}\n    quote: "${head}, tăng ${change} tỷ đồng (${growth}%)"\n    number: "${growth}%"\n    expr: ${form(`level_${i}`, `base_${i}`)}`);
    if (!only) rules.push(`  - id: ${idPrefix}share-${i}\n    quote: "${head}, tăng ${change} tỷ đồng (${growth}%) so với năm 2023 (${baseText} tỷ đồng), chiếm ${share}%"\n    number: "${share}%"\n    expr: share(level_${i}, total_${i})`);
  }
  writeFileSync(path.join(dir, 'doc.txt'), sentences.join('\n') + '\n');
  writeFileSync(path.join(dir, 'figures.yaml'), `document: doc.txt\nlocale: vi-VN\nfigures:\n${figures.join('\n')}\n`);
  const ignore = 'ignore:\n  - { kind: year, reason: years }\n  - { pattern: "^\\\\d+$", reason: region numbers }\n';
  writeFileSync(path.join(dir, 'rules.yaml'), `figures: [figures.yaml]\n${ignore}rules:\n${rules.join('\n')}\n`);
  writeFileSync(path.join(dir, 'package.json'), '{}\n');
  return dir;
}

/**
 * Claims whose expressions make every evaluation costly, each a failing claim (so it is searched
 * and diagnosed to its budget): large integer and fractional powers, figures named many times, a
 * product of 75 quotients of the same two figures, whose exact bounds grow to a thousand bits
 * (where they are rounded) as they are multiplied out, twenty roots by logs, a gavg of 60 rates.
 * Writes one rule file per claim into `dir` (`<name>.yaml`, over one figures.yaml), plus
 * `plain.yaml`, a cheap claim, the baseline. Returns the names.
 */
export function hostileAudits(dir) {
  mkdirSync(dir, { recursive: true });
  const lines = [];
  const figures = [];
  for (let i = 0; i < 12; i++) {
    const v = vi(100 + i * 1.3, 1);
    lines.push(`Chỉ tiêu ${i}: ${v} tỷ đồng.`);
    figures.push(`  f${i}: { quote: "Chỉ tiêu ${i}: ${v} tỷ đồng", number: "${v} tỷ đồng" }`);
  }
  lines.push('Kết quả: 12,3%.');
  writeFileSync(path.join(dir, 'doc.txt'), `${lines.join('\n')}\n`);
  writeFileSync(path.join(dir, 'figures.yaml'), `document: doc.txt\nlocale: vi-VN\nfigures:\n${figures.join('\n')}\n`);
  const expressions = {
    plain: 'growth(f1, f2)',
    'power-999': '(f1 / f2) ^ 999',
    'five-powers': '(f1 / f2) ^ 999 * (f3 / f4) ^ 999 * (f5 / f6) ^ 999 * (f7 / f8) ^ 999 * (f9 / f10) ^ 999',
    'fractional-power-twice': '(f1 / f2) ^ (f1 / f4) - (f2 / f1) ^ (f4 / f1)',
    'power-999-twice': '(f1 / f2) ^ 999 - (f2 / f1) ^ 999 + f1 / f2',
    'product-chain': Array.from({ length: 75 }, () => 'f1 / f2').join(' * '),
    'cagr-999': 'cagr(f1, f2, 999)',
    // Roots by logs twenty times over, and the root of a product of sixty rates.
    'twenty-real-powers': Array.from({ length: 20 }, () => '(f1 / f2) ^ 0.37').join(' * ') + ' - 1',
    'gavg-60': `gavg(${Array.from({ length: 60 }, () => 'f1 / f2 - 1').join(', ')})`,
  };
  for (const [name, expr] of Object.entries(expressions)) {
    const rule = `  - id: ${name}\n    quote: "Kết quả: 12,3%"\n    number: "12,3%"\n    expr: "${expr}"\n`;
    writeFileSync(path.join(dir, `${name}.yaml`), `figures: [figures.yaml]\nrules:\n${rule}`);
  }
  writeFileSync(path.join(dir, 'package.json'), '{}\n');
  return Object.keys(expressions).filter((n) => n !== 'plain');
}
