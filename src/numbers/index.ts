/** The "read numbers" stage: numbers as written, per locale, with their precision. */
export { readNumber, NumberReadError } from './read.js';
export { scanNumbers } from './scan.js';
export { formatNumber, formatLike, roundToUnits, type FormatStyle } from './format.js';
export { halfUnit, writtenInterval, statedSet, contains, describeSet } from './precision.js';
export { LOCALES } from './locale.js';
export { hedgeBefore, type HedgeFound } from './hedges.js';
