/** The "read numbers" stage: numbers as written, per locale, with their precision, units and class. */
export { readNumber, NumberReadError, writtenValue } from './read.js';
export { scanNumbers } from './scan.js';
export { formatNumber, formatLike, type FormatStyle } from './format.js';
export { halfUnit, digitUnit, isExactForm, writtenInterval, statedSet, contains, describeSet, decimalsToWhole } from './precision.js';
export { LOCALES, unitOfLabel } from './locale.js';
export { findHedge, hedgeBefore, HEDGES, type HedgeFound, type HedgeEntry, type HedgedNumber } from './hedges.js';
export { unitInfoOf, SUFFIX_UNITS, PREFIX_UNITS, type UnitWord } from './units.js';
export { defaultReadingOf } from './defaults.js';
