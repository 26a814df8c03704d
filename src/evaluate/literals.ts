/**
 * Number literals, exactly: a literal becomes an exact Fraction parsed from its text in the
 * source, never from the float mathjs made of it ("0.1" is 1/10, not 0.1000000000000000055…).
 */
import Fraction from 'fraction.js';

const DECIMAL_LITERAL = /^(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
const MAX_LITERAL_DIGITS = 400;
const MAX_LITERAL_EXPONENT = 400;

/**
 * The exact rational a decimal literal denotes ("45481", "0.303", "1.5e-3"), or a reason it is
 * refused. Hex, binary and octal literals are refused: no report writes numbers that way.
 */
export function parseDecimalLiteral(text: string): Fraction | string {
  const m = DECIMAL_LITERAL.exec(text);
  if (!m || (m[1] === '' && (m[2] ?? '') === '')) return `"${text}" is not a decimal number`;
  const intPart = m[1] ?? '';
  const fracPart = m[2] ?? '';
  const exponent = m[3] === undefined ? 0 : Number(m[3]);
  const digits = (intPart + fracPart).replace(/^0+(?=\d)/, '');
  if (digits.length > MAX_LITERAL_DIGITS || Math.abs(exponent) > MAX_LITERAL_EXPONENT) {
    return `number "${text}" is out of range`;
  }
  const scale = exponent - fracPart.length;
  const mantissa = BigInt(digits === '' ? '0' : digits);
  return scale >= 0 ? new Fraction(mantissa * 10n ** BigInt(scale), 1n) : new Fraction(mantissa, 10n ** BigInt(-scale));
}
