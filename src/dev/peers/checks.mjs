// The checks every peer runs, as plain data: n growth claims "current is X % above base", with the
// values already extracted from the text (peers read no prose) and the stated rate as written.
export function makeChecks(n, wrongEvery = 0) {
  const checks = [];
  for (let i = 0; i < n; i++) {
    const a = 1000 + i;
    const b = 900 + (i % 50);
    const truth = (a / b - 1) * 100;
    const stated = Number((truth + (wrongEvery && i % wrongEvery === 0 ? 3 : 0)).toFixed(1));
    checks.push({ id: `growth-${i}`, current: a, base: b, stated, decimals: 1 });
  }
  return checks;
}

/** What a plain checker does: compute, round like the text, compare. */
export function holds(current, base, stated, decimals) {
  const f = 10 ** decimals;
  return Math.round((current / base - 1) * 100 * f) / f === stated;
}
